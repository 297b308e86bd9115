package io.aoaigw.harness.inventory;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.management.profile.AzureProfile;
import com.azure.resourcemanager.AzureResourceManager;
import java.time.Duration;
import java.util.List;

/**
 * Reads an {@link Inventory} through azure-resourcemanager, only with GETs, with the credential and HTTP client it
 * is given (nothing from the environment):
 * <pre>{@code
 * InventoryReader reader = new InventoryReader(
 *         new ArmEndpoint(arm.endpoint(), identity.authorityHost(), tenantId), credential, httpClient);
 * Inventory inventory = reader.read(InventoryTarget.of(topology));
 * }</pre>
 * Parts the target leaves null (no APIM, no Front Door) are null in the inventory.
 */
public final class InventoryReader {
    private final ArmEndpoint arm;
    private final TokenCredential credential;
    private final HttpClient httpClient;

    public InventoryReader(ArmEndpoint arm, TokenCredential credential, HttpClient httpClient) {
        this.arm = arm;
        this.credential = credential;
        this.httpClient = httpClient;
    }

    /** Fails with {@link InventoryException} naming the first resource that is missing or unreadable. */
    public Inventory read(InventoryTarget target) {
        AzureResourceManager azure = connect(target.subscriptionId());
        ArmJson json = new ArmJson(azure.genericResources().manager().httpPipeline(), arm.resourceManagerEndpoint());
        ArmCalls calls = new ArmCalls(target);
        boolean hasApim = target.apimService() != null;
        ApimReader apim = hasApim ? new ApimReader(azure, json, calls, target) : null;
        ApimService service = hasApim ? apim.service() : null;
        ApiInfo api = hasApim && target.apiId() != null ? apim.api() : null;
        List<ProductInfo> products = hasApim ? apim.products() : List.of();
        List<SubscriptionInfo> subscriptions = hasApim ? apim.subscriptions() : List.of();
        ApimModelReader model = hasApim ? new ApimModelReader(json, calls, target) : null;
        List<ApiSummary> apis = hasApim ? model.apis() : List.of();
        List<BackendInfo> backends = hasApim ? model.backends() : List.of();
        FrontDoorInfo frontDoor = target.frontDoorProfile() == null ? null
                : new FrontDoorReader(azure, calls, target).read();
        List<AccountInfo> accounts = new AccountReader(azure, json, calls, target).read();
        List<RoleAssignmentInfo> roles = new RoleAssignmentReader(azure, calls, target).read();
        return new Inventory(target, service, api, products, subscriptions, frontDoor, accounts, roles, apis,
                backends);
    }

    /**
     * The API's exported OpenAPI document (S2): ARM's export link, then the document behind it. Fails with
     * {@link InventoryException} naming what could not be read.
     */
    public ApiExport readApiExport(InventoryTarget target) {
        return new ApiExportReader(json(target.subscriptionId()), new ArmCalls(target), httpClient).read(target);
    }

    /**
     * APIM's diagnostics (S6): the service's and those of the target's API. Fails with {@link InventoryException}
     * naming what could not be read.
     */
    public List<DiagnosticInfo> readDiagnostics(InventoryTarget target) {
        return new DiagnosticsReader(json(target.subscriptionId()), new ArmCalls(target), target)
                .read(target.apiId() == null ? List.of() : List.of(target.apiId()));
    }

    /**
     * One Azure Monitor metric of a resource of the target: the last {@code lookback} at {@code interval}, with the
     * {@code aggregation} asked for, split by {@code dimension} (null: not split).
     */
    public MetricReading readMetric(InventoryTarget target, String resourceId, String metric, Duration lookback,
                                    Duration interval, String aggregation, String dimension) {
        return new MetricsReader(json(target.subscriptionId()), new ArmCalls(target)).read(resourceId, metric,
                lookback, interval, aggregation, dimension);
    }

    /**
     * GETs of ARM JSON through the same authenticated pipeline, for callers that list what a resource group holds
     * rather than read named resources (discovery).
     */
    public ArmJson json(String subscriptionId) {
        return new ArmJson(connect(subscriptionId).genericResources().manager().httpPipeline(),
                arm.resourceManagerEndpoint());
    }

    /** Default pipeline of the SDK (its RetryPolicy honours Retry-After), bound to the target's subscription. */
    private AzureResourceManager connect(String subscriptionId) {
        AzureProfile profile = new AzureProfile(arm.tenantId(), subscriptionId, arm.environment());
        return AzureResourceManager.configure()
                .withHttpClient(httpClient)
                .authenticate(credential, profile)
                .withSubscription(subscriptionId);
    }
}
