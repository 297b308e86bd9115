package io.aoaigw.harness.target;

import io.aoaigw.harness.emulator.tls.TrustMaterial;
import io.aoaigw.harness.inventory.InventoryTarget;
import io.aoaigw.harness.secrets.Redactor;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The deployment a run checks or loads, whatever kind it is (embedded topology or a real one): its names, what ARM
 * says ({@link ArmFacts}), the gateway and keys, the bounds of the run, and, for an embedded one only, the admin API
 * for the inside view. Built by {@link TargetResolver} from a {@link TargetSpec}; closing it writes the call log and
 * stops a topology started for the run.
 */
public final class ResolvedTarget implements AutoCloseable {
    /** An active subscription's key, a suspended one's (null when unknown) and where the API reads keys. */
    public record Keys(String active, String suspended, String header, String query) {
    }

    /**
     * The gateway as the spec declares it, read without ARM (what load simulations call): the base URL without the
     * API suffix, the key header and the active key.
     */
    public record Entry(String baseUrl, String keyHeader, String key) {
        @Override
        public String toString() {
            return "Entry[" + baseUrl + ", " + keyHeader + "]"; // never the key
        }
    }

    private final Builder b;
    private final Lazy<Optional<String>> armProblem;
    private final Lazy<Optional<String>> gatewayProblem;

    private ResolvedTarget(Builder b) {
        this.b = b;
        this.armProblem = new Lazy<>(() -> {
            String url = b.wiring.get().armUrl();
            return Reachability.problem(url).map(p -> "Resource Manager " + url + " unreachable: " + p);
        });
        this.gatewayProblem = new Lazy<>(this::probeGateway);
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

    /**
     * Builds the ARM wiring now (the credential the file names), so that a run that reads ARM fails once, naming
     * the file, when it cannot sign in; a load run, which reads no ARM, never calls this.
     */
    public void requireArm() {
        try {
            b.wiring.get();
        } catch (TargetException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new TargetException("cannot read Resource Manager for " + b.hint + ": " + e.getMessage());
        }
    }

    public String gatewayUrl() {
        return b.gatewayUrl.get();
    }

    /** What the gateway's clients trust besides the JVM's defaults: an embedded topology's certificate, or empty. */
    public Optional<TrustMaterial> trust() {
        return Optional.ofNullable(b.trust.get());
    }

    public Keys keys() {
        return b.keys.get();
    }

    /** The gateway as declared, without reading ARM (the load simulations' entry). */
    public Entry entry() {
        return b.entry.get();
    }

    /** The chat deployment the behavioural checks call. */
    public String chatDeployment() {
        return b.chatDeployment.get();
    }

    /** Deployments the target file says every account must carry (empty for embedded topologies). */
    public List<TargetFile.ExpectedDeployment> expectedDeployments() {
        return b.expected;
    }

    /** The emulator's admin API (the inside view): present for an embedded target only. */
    public Optional<AdminClient> admin() {
        return Optional.ofNullable(b.admin);
    }

    /** The real deployment's target file, whose limits bound every run against it; empty for embedded ones. */
    public Optional<TargetFile> file() {
        return Optional.ofNullable(b.file);
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

    /** Assembles a target; every field but {@code admin}, {@code trust}, {@code file}, {@code owned}, {@code callsOut} is required. */
    static final class Builder {
        private String name;
        private String hint;
        private InventoryTarget names;
        private Supplier<TargetArm> wiring;
        private ArmFacts arm;
        private Supplier<String> gatewayUrl;
        private Supplier<Keys> keys;
        private Supplier<Entry> entry;
        private Supplier<String> chatDeployment;
        private List<TargetFile.ExpectedDeployment> expected = List.of();
        private AdminClient admin;
        private Supplier<TrustMaterial> trust = () -> null;
        private TargetFile file;
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

        /** @param wiring how ARM is read, built on first use; {@code arm} must read through it */
        Builder arm(InventoryTarget names, Supplier<TargetArm> wiring, ArmFacts arm) {
            this.names = names;
            this.wiring = new Lazy<>(wiring);
            this.arm = arm;
            return this;
        }

        Builder gateway(Supplier<String> gatewayUrl, Supplier<Keys> keys, Supplier<String> chatDeployment) {
            this.gatewayUrl = new Lazy<>(gatewayUrl);
            this.keys = new Lazy<>(keys);
            this.chatDeployment = new Lazy<>(chatDeployment);
            return this;
        }

        Builder entry(Supplier<Entry> entry) {
            this.entry = new Lazy<>(entry);
            return this;
        }

        Builder real(TargetFile file) {
            this.file = file;
            this.expected = file.expectedDeployments();
            return this;
        }

        Builder trust(Supplier<TrustMaterial> trust) {
            this.trust = new Lazy<>(trust);
            return this;
        }

        Builder admin(AdminClient admin) {
            this.admin = admin;
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

        ResolvedTarget build() {
            return new ResolvedTarget(this);
        }
    }
}
