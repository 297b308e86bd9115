package io.aoaigw.harness.target;

import io.aoaigw.harness.inventory.AccountInfo;
import io.aoaigw.harness.inventory.ApiExport;
import io.aoaigw.harness.inventory.ApiInfo;
import io.aoaigw.harness.inventory.ApimService;
import io.aoaigw.harness.inventory.BackendInfo;
import io.aoaigw.harness.inventory.DiagnosticInfo;
import io.aoaigw.harness.inventory.FrontDoorInfo;
import io.aoaigw.harness.inventory.Inventory;
import io.aoaigw.harness.inventory.InventoryException;
import io.aoaigw.harness.inventory.InventoryReader;
import io.aoaigw.harness.inventory.InventoryTarget;
import io.aoaigw.harness.inventory.MetricReading;
import io.aoaigw.harness.inventory.ProductInfo;
import io.aoaigw.harness.inventory.RoleAssignmentInfo;
import io.aoaigw.harness.inventory.SubscriptionInfo;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What Resource Manager says. One whole-inventory read first (the common case: everything exists); when it fails,
 * the parts (the APIM service, its API, Front Door, each account) are read on their own, each once and only when a
 * check asks, so a missing part fails the checks about it and not every ARM check. A failed read becomes a
 * {@link TargetException} naming the resource and the fix.
 */
public final class ArmFacts {
    private final String hint;
    private final String resourceGroup;
    private final Lazy<Inventory> service;
    private final Lazy<Inventory> api;
    private final Lazy<Inventory> frontDoor;
    private final Map<String, Lazy<Inventory>> accounts = new LinkedHashMap<>();
    private final Lazy<Optional<Inventory>> whole;
    private final Lazy<ApiExport> export;
    private final Lazy<List<DiagnosticInfo>> diagnostics;
    private final Supplier<InventoryReader> reader;
    private final InventoryTarget names;

    /** @param reader built on first use (a load run never reads ARM, so its credential is never built) */
    public ArmFacts(Supplier<InventoryReader> reader, InventoryTarget n, String hint) {
        this.hint = hint;
        this.resourceGroup = n.resourceGroup();
        this.whole = new Lazy<>(() -> {
            try {
                return Optional.of(reader.get().read(n));
            } catch (InventoryException e) {
                return Optional.empty(); // some part is missing or unreadable: the parts below say which
            }
        });
        this.service = read(reader, new InventoryTarget(n.subscriptionId(), n.resourceGroup(), n.apimService(), null,
                null, null, null, List.of()));
        this.api = read(reader, new InventoryTarget(n.subscriptionId(), n.resourceGroup(), n.apimService(),
                n.apiId(), null, null, null, List.of()));
        this.frontDoor = read(reader, new InventoryTarget(n.subscriptionId(), n.resourceGroup(), null, null,
                n.frontDoorProfile(), n.frontDoorEndpoint(), n.originGroup(), List.of()));
        this.export = new Lazy<>(() -> explained(() -> reader.get().readApiExport(n)));
        this.diagnostics = new Lazy<>(() -> explained(() -> reader.get().readDiagnostics(n)));
        this.reader = reader;
        this.names = n;
        n.accounts().forEach(name -> accounts.put(name, read(reader, new InventoryTarget(n.subscriptionId(),
                n.resourceGroup(), null, null, null, null, null, List.of(name)))));
    }

    private Lazy<Inventory> read(Supplier<InventoryReader> reader, InventoryTarget part) {
        return new Lazy<>(() -> whole.get().orElseGet(() -> explained(() -> reader.get().read(part))));
    }

    private <T> T explained(Supplier<T> read) {
        try {
            return read.get();
        } catch (InventoryException e) {
            throw new TargetException(e.getMessage() + (e.status() == 404
                    ? " — create it, or correct its name in " + hint
                    : e.status() == 403 ? "" : " — the harness's identity needs Reader on resource group "
                    + resourceGroup));
        }
    }

    public ApimService apimService() {
        return service.get().apim();
    }

    /** The API with its suffix, serviceUrl, key names, policy text and operations. */
    public ApiInfo api() {
        return api.get().api();
    }

    /** APIM's diagnostics: the service's and the API's own (S6: body logging holds a stream). */
    public List<DiagnosticInfo> diagnostics() {
        return diagnostics.get();
    }

    /** The API's OpenAPI document as APIM exports it (ARM's export link, then the document). */
    public ApiExport apiExport() {
        return export.get();
    }

    /**
     * One Azure Monitor metric of a resource of the target over the last {@code lookback}, one point per
     * {@code interval}, split by {@code dimension}; a refused read fails naming it.
     */
    public MetricReading metric(String resourceId, String metric, Duration lookback, Duration interval,
                                String aggregation, String dimension) {
        return explained(() -> reader.get().readMetric(names, resourceId, metric, lookback, interval, aggregation,
                dimension));
    }

    /** The Front Door profile's ARM id. */
    public String frontDoorProfileId() {
        return names.resourceGroupId() + "/providers/Microsoft.Cdn/profiles/" + names.frontDoorProfile();
    }

    public List<ProductInfo> products() {
        return service.get().products();
    }

    /** The service's subscriptions: name, scope (an ARM id) and state; never keys. */
    public List<SubscriptionInfo> subscriptions() {
        return service.get().subscriptions();
    }

    /** The service's backend entities (single backends and pools). */
    public List<BackendInfo> backends() {
        return service.get().backends();
    }

    /** Role assignments listed at the resource group (with those above and below it). */
    public List<RoleAssignmentInfo> roleAssignments() {
        return service.get().roleAssignments();
    }

    public FrontDoorInfo frontDoor() {
        return frontDoor.get().frontDoor();
    }

    /** The account when ARM has it; its absence is S8's finding, so other steps just leave it out. */
    public Optional<AccountInfo> accountIfExists(String name) {
        try {
            return Optional.of(account(name));
        } catch (TargetException e) {
            return Optional.empty();
        }
    }

    /** The account as ARM describes it; fails naming it when it does not exist. */
    public AccountInfo account(String name) {
        Lazy<Inventory> account = accounts.get(name);
        if (account == null) {
            throw new IllegalArgumentException("account " + name + " is not one of the target's accounts");
        }
        return account.get().account(name).orElseThrow();
    }
}
