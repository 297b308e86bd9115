package io.aoaigw.harness.spec.arm;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.http.HttpClient;
import io.aoaigw.harness.target.ArmClientDecorator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every target's ARM client gets the opt-in spec check through the ServiceLoader seam of the target package. */
class ArmSpecDecoratorTest {
    private static final String SWITCH = "harness.validateSpec";

    @AfterEach
    void clear() {
        System.clearProperty(SWITCH);
    }

    @Test
    void theTargetsArmClientIsCheckedAgainstTheSpecsWhenAsked() {
        HttpClient plain = HttpClient.createDefault();
        System.setProperty(SWITCH, "true");

        assertThat(ArmClientDecorator.applyAll(plain)).isInstanceOf(ArmSpecHttpClient.class);
    }

    @Test
    void theTargetsArmClientIsLeftAsItIsByDefault() {
        HttpClient plain = HttpClient.createDefault();

        assertThat(ArmClientDecorator.applyAll(plain)).isSameAs(plain);
    }
}
