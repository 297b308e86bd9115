package io.aoaigw.harness.topology;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

/**
 * Policies in an API's policy document that make APIM read the whole response before passing it on (Microsoft's SSE
 * guidance for APIM): {@code validate-content} in {@code <outbound>}, and response caching ({@code cache-lookup} /
 * {@code cache-store}). {@code forward-request buffer-response} is judged on its own elsewhere.
 */
public final class BufferingPolicies {
    /** A policy that holds a streamed response, with the fix in words. */
    public enum Finding {
        VALIDATE_CONTENT_ON_RESPONSE("<validate-content> in <outbound> reads the whole response to validate it: "
                + "remove it from the API's outbound policy"),
        RESPONSE_CACHE("response caching (<cache-lookup>/<cache-store>) holds the response to store it: remove "
                + "them from the API's policy");

        private final String fix;

        Finding(String fix) {
            this.fix = fix;
        }

        public String fix() {
            return fix;
        }
    }

    private BufferingPolicies() {
    }

    /** What the policy XML holds; text that is not XML is searched as text. */
    public static List<Finding> in(String policyXml) {
        if (policyXml == null || policyXml.isBlank()) {
            return List.of();
        }
        List<Finding> found = new ArrayList<>();
        Document doc = parse(policyXml);
        boolean validate = doc == null ? textAfter(policyXml, "<outbound", "<validate-content")
                : within(doc, "outbound", "validate-content");
        boolean cache = doc == null ? policyXml.contains("<cache-lookup") || policyXml.contains("<cache-store")
                : within(doc, "inbound", "cache-lookup") || within(doc, "outbound", "cache-store");
        if (validate) {
            found.add(Finding.VALIDATE_CONTENT_ON_RESPONSE);
        }
        if (cache) {
            found.add(Finding.RESPONSE_CACHE);
        }
        return found;
    }

    private static boolean within(Document doc, String section, String element) {
        var sections = doc.getElementsByTagName(section);
        for (int i = 0; i < sections.getLength(); i++) {
            if (((Element) sections.item(i)).getElementsByTagName(element).getLength() > 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean textAfter(String text, String section, String element) {
        int start = text.indexOf(section);
        return start >= 0 && text.indexOf(element, start) > 0;
    }

    private static Document parse(String xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true); // no entities, no fetches
            f.setExpandEntityReferences(false);
            var builder = f.newDocumentBuilder();
            builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler()); // quiet: a failure is a fallback
            return builder.parse(new InputSource(new StringReader(xml)));
        } catch (Exception e) {
            return null;
        }
    }
}
