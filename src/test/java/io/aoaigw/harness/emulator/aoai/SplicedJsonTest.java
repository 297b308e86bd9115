package io.aoaigw.harness.emulator.aoai;

import static io.aoaigw.harness.emulator.aoai.SplicedJson.mark;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class SplicedJsonTest {

    @Test
    void eachMarkTakesItsValueWhereverAndHoweverOftenItStands() throws Exception {
        ObjectNode tree = Json.MAPPER.createObjectNode().put("created", mark("T")).put("id", mark("ID"));
        tree.putObject("again").put("id", mark("ID")).put("finish_reason", mark("F")).put("note", "@@ID@@ as text");
        SplicedJson spliced = SplicedJson.of(tree.toString(), "ID", "T", "F");

        String rendered = spliced.render(SplicedJson.plainString("chatcmpl-1"), SplicedJson.number(1733000000L),
                SplicedJson.plainString(null)).toString();

        JsonNode json = Json.MAPPER.readTree(rendered);
        assertThat(json.get("created").asLong()).isEqualTo(1733000000L);
        assertThat(json.get("id").asText()).isEqualTo("chatcmpl-1");
        assertThat(json.at("/again/id").asText()).isEqualTo("chatcmpl-1");
        assertThat(json.at("/again/finish_reason").isNull()).isTrue();
        assertThat(json.at("/again/note").asText()).isEqualTo("@@ID@@ as text"); // unquoted: not a mark
        assertThat(json.fieldNames()).toIterable().containsExactly("created", "id", "again");
    }

    @Test
    void textWithoutMarksRendersAsItIs() {
        assertThat(SplicedJson.of("{\"a\":1}", "ID").render(SplicedJson.plainString("x")).toString())
                .isEqualTo("{\"a\":1}");
    }
}
