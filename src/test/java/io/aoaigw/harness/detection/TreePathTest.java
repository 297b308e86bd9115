package io.aoaigw.harness.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;

class TreePathTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode tree() throws Exception {
        return (ObjectNode) JSON.readTree("""
                {"accounts":[{"name":"a","deployments":[{"id":"x","version":"1"}]},{"name":"b","deployments":[]}],
                 "roles":[{"scope":"account:a"},{"scope":"account:a"}]}""");
    }

    @Test
    void selectsByIndexAndByField() throws Exception {
        assertThat(TreePath.parse("accounts[1].name").resolve(tree()).asText()).isEqualTo("b");
        assertThat(TreePath.parse("accounts[name=a].deployments[id=x].version").resolve(tree()).asText())
                .isEqualTo("1");
        assertThat(TreePath.parse("accounts[name=a].deployments[0]").toString()).isEqualTo("accounts[name=a].deployments[0]");
    }

    @Test
    void aFieldSelectorMustMatchExactlyOneElement() {
        assertThatThrownBy(() -> TreePath.parse("roles[scope=account:a]").resolve(tree()))
                .hasMessage("2 elements of roles have scope=account:a (exactly one expected)");
    }

    @Test
    void malformedPathsAreRefused() {
        assertThatThrownBy(() -> TreePath.parse("accounts[1")).hasMessageContaining("'[' without ']'");
        assertThatThrownBy(() -> TreePath.parse("[0].name")).hasMessageContaining("must start with a field name");
        assertThatThrownBy(() -> TreePath.parse("accounts[x]")).hasMessageContaining("neither an index nor field=value");
        assertThatThrownBy(() -> TreePath.parse("a..b")).hasMessageContaining("empty field name");
    }

    @Test
    void setRemoveAddAndEditChangeTheTree() throws Exception {
        ObjectNode t = tree();
        Mutator.apply(t, new Mutation("accounts[name=b].region", null, null, null, TextNode.valueOf("eu"), null, null));
        Mutator.apply(t, new Mutation(null, "accounts[name=a].deployments[id=x]", null, null, null, null, null));
        Mutator.apply(t, new Mutation(null, null, "roles", null, JSON.readTree("{\"scope\":\"rg\"}"), null, null));
        Mutator.apply(t, new Mutation(null, null, null, "accounts[1].name", null, "b", "bee"));

        assertThat(t.toString()).isEqualTo("{\"accounts\":[{\"name\":\"a\",\"deployments\":[]},{\"name\":\"bee\","
                + "\"deployments\":[],\"region\":\"eu\"}],\"roles\":[{\"scope\":\"account:a\"},{\"scope\":\"account:a\"},"
                + "{\"scope\":\"rg\"}]}");
    }

    @Test
    void removingAFieldThatIsNotThereFails() {
        assertThatThrownBy(() -> Mutator.apply(tree(), new Mutation(null, "accounts[0].nope", null, null, null, null,
                null))).hasMessage("no field 'nope' to remove at accounts[0]");
    }
}
