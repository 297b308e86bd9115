package io.aoaigw.harness.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.azure.core.credential.TokenCredential;
import io.aoaigw.harness.testsupport.ArmEmulatorExtension;
import io.aoaigw.harness.testsupport.ArmRequestSeen;
import io.aoaigw.harness.testsupport.AzureCredentials;
import io.aoaigw.harness.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/** A whole inventory read is GETs only, walks the pages, leaks no secret, and names what is missing. */
class InventoryReadsOnlyTest {
    @RegisterExtension
    static final ArmEmulatorExtension arm = new ArmEmulatorExtension();

    @Test
    void wholeReadSendsOnlyGetsAndNeverAsksForKeys() {
        int before = ArmRequestSeen.all(arm.admin()).size();

        arm.inventoryReader(arm.readerCredential()).read(arm.target());

        List<ArmRequestSeen> read = ArmRequestSeen.since(arm.admin(), before);
        assertThat(read).as(ArmRequestSeen.describe(read)).isNotEmpty()
                .allSatisfy(r -> {
                    assertThat(r.method()).isEqualTo("GET");
                    assertThat(r.status()).isEqualTo(200);
                    assertThat(r.path().toLowerCase()).doesNotContain("listkeys").doesNotContain("listsecrets");
                });
        assertThat(ArmRequestSeen.refusedWrites(arm.admin())).isZero();
    }

    @Test
    void listsLongerThanAPageAreFollowedAlongNextLink() {
        int before = ArmRequestSeen.all(arm.admin()).size();

        Inventory inventory = arm.inventoryReader(arm.readerCredential()).read(arm.target());

        List<ArmRequestSeen> read = ArmRequestSeen.since(arm.admin(), before);
        assertThat(read).filteredOn(r -> r.query() != null && r.query().contains("skiptoken"))
                .extracting(ArmRequestSeen::path)
                .anyMatch(p -> p.endsWith("/operations"))
                .anyMatch(p -> p.endsWith("/subscriptions"))
                .anyMatch(p -> p.endsWith("/origins"))
                .anyMatch(p -> p.endsWith("/roleAssignments"));
        assertThat(inventory.subscriptions()).hasSize(3);
        assertThat(inventory.roleAssignments()).hasSize(4);
    }

    @Test
    void missingApimServiceIsNamedWithItsResourceGroupAndSubscription() {
        Topology t = arm.topology();

        InventoryException e = catchThrowableOfType(InventoryException.class, () ->
                arm.inventoryReader(arm.readerCredential()).read(arm.target().withApimService("apim-missing")));

        assertThat(e.status()).isEqualTo(404);
        assertThat(e.getMessage()).startsWith("APIM service apim-missing not found in resource group "
                + t.resourceGroup() + " (subscription " + t.subscriptionId() + ")")
                .contains("ResourceNotFound");
    }

    @Test
    void credentialWithAWrongSecretIsReportedWithoutTheSecret() {
        TokenCredential wrong = AzureCredentials.clientSecret(arm.authorityHost(),
                arm.topology().tenantId(), arm.reader().clientId(), "not-the-secret", arm.trust());

        Throwable e = catchThrowable(() ->
                arm.inventoryReader(wrong).read(arm.target()));

        assertThat(e).isNotNull();
        assertThat(String.valueOf(e.getMessage())).doesNotContain(arm.reader().clientSecret());
    }

    @Test
    void noKeySecretOrTokenInTheRequestLogTheInventoryOrAnyLogLine() {
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        Level rootLevel = root.getLevel();
        captured.start();
        root.addAppender(captured);
        root.setLevel(Level.DEBUG);
        String inventoryText;
        try {
            TokenCredential credential = arm.readerCredential();
            inventoryText = arm.inventoryReader(credential).read(arm.target()).toString();
        } finally {
            root.setLevel(rootLevel);
            root.detachAppender(captured);
        }
        String logText = captured.list.stream().map(ev -> ev.getFormattedMessage()
                        + (ev.getThrowableProxy() == null ? "" : ev.getThrowableProxy().getMessage()))
                .collect(Collectors.joining("\n"));
        String requests = ArmRequestSeen.describe(ArmRequestSeen.all(arm.admin()));

        for (String secret : secrets()) {
            assertThat(inventoryText).doesNotContain(secret);
            assertThat(requests).doesNotContain(secret);
            assertThat(logText).doesNotContain(secret);
        }
        assertThat(captured.list).as("the capture saw the read").isNotEmpty();
    }

    /** Every secret of the run: the reader's client secret, all keys, and the reader's ARM token. */
    private static List<String> secrets() {
        Topology t = arm.topology();
        List<String> secrets = new ArrayList<>();
        secrets.add(arm.reader().clientSecret());
        t.accounts().forEach(a -> secrets.addAll(a.keys()));
        t.apim().subscriptions().forEach(s -> {
            secrets.add(s.primaryKey());
            secrets.add(s.secondaryKey());
        });
        secrets.add(arm.tokenFor(ArmEmulatorExtension.MANAGEMENT));
        assertThat(secrets).doesNotContainNull().allSatisfy(s -> assertThat(s).hasSizeGreaterThan(8));
        return secrets;
    }
}
