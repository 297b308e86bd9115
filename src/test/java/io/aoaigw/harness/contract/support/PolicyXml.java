package io.aoaigw.harness.contract.support;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * An API's policy document as ARM returns it (raw XML), asked the questions of S5. Policy expressions
 * ({@code @(...)}) are kept as text; the parser resolves no external entity.
 */
public final class PolicyXml {
    private final Document document;

    private PolicyXml(Document document) {
        this.document = document;
    }

    /** Empty when the text is not well-formed XML. */
    public static Optional<PolicyXml> parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            return Optional.of(new PolicyXml(factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)))));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    /** Elements named {@code name} inside {@code <section>} (inbound, backend, outbound, on-error). */
    public List<Element> in(String section, String name) {
        List<Element> found = new ArrayList<>();
        NodeList sections = document.getElementsByTagName(section);
        for (int i = 0; i < sections.getLength(); i++) {
            NodeList matches = ((Element) sections.item(i)).getElementsByTagName(name);
            for (int j = 0; j < matches.getLength(); j++) {
                found.add((Element) matches.item(j));
            }
        }
        return found;
    }

    /** {@code <set-header name="…">} elements anywhere in inbound or backend that set one of these headers. */
    public List<String> headersSetTowardsBackend(List<String> names) {
        List<String> found = new ArrayList<>();
        for (String section : List.of("inbound", "backend")) {
            for (Element e : in(section, "set-header")) {
                String header = e.getAttribute("name");
                if (names.stream().anyMatch(header::equalsIgnoreCase) && !"delete".equals(e.getAttribute("exists-action"))) {
                    found.add(header);
                }
            }
        }
        return found;
    }

    /** Whether {@code <inbound>} removes header {@code name} ({@code set-header exists-action="delete"}). */
    public boolean inboundDeletesHeader(String name) {
        return inboundDeletes("set-header", name, true);
    }

    /** Whether {@code <inbound>} removes query parameter {@code name} ({@code set-query-parameter}, delete). */
    public boolean inboundDeletesQueryParameter(String name) {
        return inboundDeletes("set-query-parameter", name, false);
    }

    private boolean inboundDeletes(String element, String name, boolean ignoreCase) {
        return in("inbound", element).stream().anyMatch(e -> "delete".equals(e.getAttribute("exists-action"))
                && (ignoreCase ? name.equalsIgnoreCase(e.getAttribute("name")) : name.equals(e.getAttribute("name"))));
    }
}
