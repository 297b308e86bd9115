package io.aoaigw.harness.emulator.arm;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.aoaigw.harness.testsupport.ArmEmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The emulated ARM never changes anything: writes and actions are refused with 405, recorded and counted. */
class ArmReadOnlyTest {
    @RegisterExtension
    static final ArmEmulatorExtension arm = new ArmEmulatorExtension();

    @Test
    void putIsRefusedWith405AndCounted() {
        long before = arm.arm().requestLog().methodNotAllowedCount();
        String path = arm.topology().accountResourceId("aoai-eastus") + "/deployments/gpt-4o";

        given()
                .spec(arm.spec())
                .header("Authorization", "Bearer " + arm.tokenFor(ArmEmulatorExtension.MANAGEMENT))
                .contentType("application/json")
                .body("{\"sku\":{\"name\":\"Standard\",\"capacity\":1}}")
        .when()
                .put(path + "?api-version=2024-10-01")
        .then()
                .statusCode(405)
                .header("Allow", "GET")
                .body("error.code", equalTo("MethodNotAllowed"));

        assertThat(arm.arm().requestLog().methodNotAllowedCount()).isEqualTo(before + 1);
        assertThat(arm.arm().requestLog().records()).last()
                .satisfies(r -> {
                    assertThat(r.method()).isEqualTo("PUT");
                    assertThat(r.path()).isEqualTo(path);
                    assertThat(r.status()).isEqualTo(405);
                });
    }

    @Test
    void listKeysPostIsRefusedEvenWithoutAToken() {
        long before = arm.arm().requestLog().methodNotAllowedCount();

        given()
                .spec(arm.spec())
        .when()
                .post(arm.topology().accountResourceId("aoai-eastus") + "/listKeys?api-version=2024-10-01")
        .then()
                .statusCode(405);

        assertThat(arm.arm().requestLog().methodNotAllowedCount()).isEqualTo(before + 1);
    }
}
