package io.aoaigw.harness.contract.support;

import io.aoaigw.harness.emulator.tls.TrustMaterial;
import io.aoaigw.harness.inventory.InventoryTarget;
import io.aoaigw.harness.secrets.Redactor;
import io.aoaigw.harness.target.TargetFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The deployment the contract suites check, whatever kind it is (embedded topology or a real one): its names, what
 * ARM says ({@link ArmFacts}), the gateway and keys, the bounds of the run, and, for an embedded one only, the inside
 * view. Built by {@link EmbeddedTargets} or {@link RealTargets}; one per launcher execution.
 */
public final class ContractTarget implements AutoCloseable {
    /** An active subscription's key, a suspended one's (null when unknown) and where the API reads keys. */
    public record Keys(String active, String suspended, String header, String query) {
    }

    private final Builder b;
    private final Lazy<Optional<String>> armProblem;
    private final Lazy<Optional<String>> gatewayProblem;
    private final Lazy<Gateway> gateway;

    private ContractTarget(Builder b) {
        this.b = b;
        this.armProblem = new Lazy<>(() -> Reachability.problem(b.armUrl)
                .map(p -> "Resource Manager " + b.armUrl + " unreachable: " + p));
        this.gatewayProblem = new Lazy<>(this::probeGateway);
        this.gateway = new Lazy<>(() -> new Gateway(this));
    }

    private Optional<String> probeGateway() {
        String url;
        try {
            url = b.gatewayUrl.get();
        } catch (RuntimeException e) {
            return Optional.of("gateway URL unknown (read from Resource Manager): " + e.getMessage());
        }
        return Reachability.problem(url).map(p -> "gateway " + url + " unreachable: " + p);
    }

    /** The deployment's name (the Allure epic). */
    public String name() {
        return b.name;
    }

    /** Which file describes the target, for "check …" hints: "the topology file X" / "the target file X". */
    public String hint() {
        return b.hint;
    }

    /** Resource names: subscription, resource group, APIM service and API, Front Door parts, accounts. */
    public InventoryTarget names() {
        return b.names;
    }

    public ArmFacts arm() {
        return b.arm;
    }

    public String gatewayUrl() {
        return b.gatewayUrl.get();
    }

    /** What the gateway's clients trust besides the JVM's defaults: an embedded topology's certificate, or empty. */
    public Optional<TrustMaterial> trust() {
        return Optional.ofNullable(b.trust);
    }

    public Keys keys() {
        return b.keys.get();
    }

    /** The chat deployment the behavioural checks call. */
    public String chatDeployment() {
        return b.chatDeployment;
    }

    /** Deployments the target file says every account must carry (empty for embedded topologies). */
    public List<TargetFile.ExpectedDeployment> expectedDeployments() {
        return b.expected;
    }

    public Optional<InsideView> insideView() {
        return Optional.ofNullable(b.inside);
    }

    public Budget budget() {
        return b.budget;
    }

    public CallLog calls() {
        return b.calls;
    }

    public Redactor redactor() {
        return b.redactor;
    }

    /** Why ARM cannot be reached (probed once), or empty. */
    public Optional<String> armProblem() {
        return armProblem.get();
    }

    /** Why the gateway cannot be reached (probed once), or empty. */
    public Optional<String> gatewayProblem() {
        return gatewayProblem.get();
    }

    /** Clients of the gateway: RestAssured specifications, the raw stream reader, the SDK. */
    public Gateway gateway() {
        return gateway.get();
    }

    @Override
    public void close() throws Exception {
        try {
            if (b.callsOut != null) {
                b.calls.writeTo(b.callsOut);
            }
        } finally {
            if (b.owned != null) {
                b.owned.close();
            }
        }
    }

    static Builder builder() {
        return new Builder();
    }

    /** Assembles a target; every field but {@code inside}, {@code trust}, {@code owned}, {@code callsOut} is required. */
    static final class Builder {
        private String name;
        private String hint;
        private InventoryTarget names;
        private String armUrl;
        private ArmFacts arm;
        private Supplier<String> gatewayUrl;
        private Supplier<Keys> keys;
        private String chatDeployment;
        private List<TargetFile.ExpectedDeployment> expected = List.of();
        private InsideView inside;
        private TrustMaterial trust;
        private Budget budget;
        private CallLog calls;
        private Redactor redactor;
        private AutoCloseable owned;
        private Path callsOut;

        Builder name(String name, String hint) {
            this.name = name;
            this.hint = hint;
            return this;
        }

        Builder arm(InventoryTarget names, String armUrl, ArmFacts arm) {
            this.names = names;
            this.armUrl = armUrl;
            this.arm = arm;
            return this;
        }

        Builder gateway(Supplier<String> gatewayUrl, Supplier<Keys> keys, String chatDeployment) {
            this.gatewayUrl = new Lazy<>(gatewayUrl);
            this.keys = new Lazy<>(keys);
            this.chatDeployment = chatDeployment;
            return this;
        }

        Builder expected(List<TargetFile.ExpectedDeployment> expected) {
            this.expected = List.copyOf(expected);
            return this;
        }

        Builder inside(InsideView inside) {
            this.inside = inside;
            return this;
        }

        Builder trust(TrustMaterial trust) {
            this.trust = trust;
            return this;
        }

        Builder run(Budget budget, CallLog calls, Redactor redactor, Path callsOut) {
            this.budget = budget;
            this.calls = calls;
            this.redactor = redactor;
            this.callsOut = callsOut;
            return this;
        }

        Builder owned(AutoCloseable owned) {
            this.owned = owned;
            return this;
        }

        ContractTarget build() {
            return new ContractTarget(this);
        }
    }
}
