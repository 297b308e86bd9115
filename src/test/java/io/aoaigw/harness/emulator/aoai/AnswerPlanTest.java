package io.aoaigw.harness.emulator.aoai;

import static org.assertj.core.api.Assertions.assertThat;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import io.aoaigw.harness.topology.Deployment;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The deterministic answers: their lengths, their token counts under both encodings, and how limits cut them. */
class AnswerPlanTest {
    private static final Deployment.Completion RANGE = new Deployment.Completion(50, 150);

    @Test
    void everyPieceIsOneTokenAndAnswersCountExactlyInBothEncodings() {
        for (EncodingType type : List.of(EncodingType.O200K_BASE, EncodingType.CL100K_BASE)) {
            Encoding encoding = Encodings.newDefaultEncodingRegistry().getEncoding(type);
            for (long seed = 0; seed < 300; seed++) {
                AnswerPlan plan = AnswerPlan.of(seed * 7919, RANGE, null, List.of());
                assertThat(encoding.countTokens(plan.text())).as("%s seed %d", type, seed).isEqualTo(plan.tokens());
            }
        }
    }

    @Test
    void naturalLengthsStayWithinTheRangeAndUseAllOfIt() {
        Set<Integer> lengths = new HashSet<>();
        for (long seed = 0; seed < 2_000; seed++) {
            AnswerPlan plan = AnswerPlan.of(AnswerPlan.seedOf("question " + seed), RANGE, null, List.of());
            assertThat(plan.tokens()).isBetween(RANGE.minTokens(), RANGE.maxTokens());
            assertThat(plan.finishReason()).isEqualTo("stop");
            lengths.add(plan.tokens());
        }
        assertThat(lengths).contains(RANGE.minTokens(), RANGE.maxTokens()).hasSizeGreaterThan(90);
    }

    @Test
    void sameSeedGivesTheSameTextAndAnotherSeedAnotherText() {
        long seed = AnswerPlan.seedOf("What is a fjord?");

        assertThat(AnswerPlan.of(seed, RANGE, null, List.of()).text())
                .isEqualTo(AnswerPlan.of(seed, RANGE, null, List.of()).text())
                .isNotEqualTo(AnswerPlan.of(seed + 1, RANGE, null, List.of()).text());
    }

    @Test
    void maxTokensBelowTheNaturalLengthGivesAPrefixEndingWithLength() {
        long seed = AnswerPlan.seedOf("What is a delta?");
        AnswerPlan natural = AnswerPlan.of(seed, RANGE, null, List.of());

        AnswerPlan limited = AnswerPlan.of(seed, RANGE, natural.tokens() - 1, List.of());
        AnswerPlan roomy = AnswerPlan.of(seed, RANGE, natural.tokens(), List.of());

        assertThat(limited.finishReason()).isEqualTo("length");
        assertThat(limited.tokens()).isEqualTo(natural.tokens() - 1);
        assertThat(natural.text()).startsWith(limited.text());
        assertThat(roomy.finishReason()).isEqualTo("stop");
        assertThat(roomy.text()).isEqualTo(natural.text());
    }

    @Test
    void earliestOfSeveralStopSequencesCutsTheAnswer() {
        long seed = AnswerPlan.seedOf("What is an estuary?");
        String text = AnswerPlan.of(seed, RANGE, null, List.of()).text();
        String early = text.substring(text.length() / 3, text.length() / 3 + 4);
        String late = text.substring(2 * text.length() / 3, 2 * text.length() / 3 + 4);

        AnswerPlan cut = AnswerPlan.of(seed, RANGE, null, List.of(late, early));

        assertThat(cut.finishReason()).isEqualTo("stop");
        assertThat(cut.text()).doesNotContain(early).doesNotContain(late);
        assertThat(text).startsWith(cut.text());
        // cut at a token boundary: what follows the kept tokens contains the stop
        assertThat(text.substring(cut.text().length(), text.indexOf(early) + early.length())).contains(early);
    }

    @Test
    void stopSequenceThatNeverAppearsChangesNothing() {
        long seed = AnswerPlan.seedOf("What is a lagoon?");

        AnswerPlan plan = AnswerPlan.of(seed, RANGE, null, List.of("zebra"));

        assertThat(plan.text()).isEqualTo(AnswerPlan.of(seed, RANGE, null, List.of()).text());
    }

    @Test
    void promptTokensFollowTheChatFormulaIncludingNamesAndContentParts() throws Exception {
        ModelTokenizer tokenizer = ModelTokenizer.forModel("gpt-4o");
        var messages = new com.fasterxml.jackson.databind.ObjectMapper().readTree("[{\"role\":\"system\","
                + "\"content\":\"Be brief.\"},{\"role\":\"user\",\"name\":\"ann\",\"content\":[{\"type\":\"text\","
                + "\"text\":\"Hello \"},{\"type\":\"text\",\"text\":\"there.\"}]}]");
        Encoding o200k = ExpectedAnswers.O200K;

        int expected = 3 + o200k.countTokens("system") + o200k.countTokens("Be brief.")
                + 3 + o200k.countTokens("user") + o200k.countTokens("Hello there.") + 1 + o200k.countTokens("ann")
                + 3;
        assertThat(tokenizer.chatPromptTokens(messages)).isEqualTo(expected);
    }

    @Test
    void modelsMapToTheirEncodings() {
        assertThat(ModelTokenizer.encodingTypeOf("gpt-4o")).isEqualTo(EncodingType.O200K_BASE);
        assertThat(ModelTokenizer.encodingTypeOf("gpt-4o-mini")).isEqualTo(EncodingType.O200K_BASE);
        assertThat(ModelTokenizer.encodingTypeOf("o3-mini")).isEqualTo(EncodingType.O200K_BASE);
        assertThat(ModelTokenizer.encodingTypeOf("gpt-4")).isEqualTo(EncodingType.CL100K_BASE);
        assertThat(ModelTokenizer.encodingTypeOf("gpt-35-turbo")).isEqualTo(EncodingType.CL100K_BASE);
        assertThat(ModelTokenizer.encodingTypeOf("text-embedding-3-small")).isEqualTo(EncodingType.CL100K_BASE);
    }
}
