package io.aoaigw.harness.emulator.apim.policy;

import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/**
 * Parses an API policy document ({@code <policies><inbound/><backend/><outbound/><on-error/></policies>}) with the
 * JDK's DOM parser into the pipelines the gateway runs. Elements it cannot execute are kept in their place as
 * no-ops, listed in {@link PolicyDocument#unsupported()} and logged once, here; {@code on-error} is not executed
 * (the gateway answers errors with APIM's default bodies), so its elements other than {@code <base/>} are listed too.
 */
public final class PolicyParser {
    private static final Logger LOG = LoggerFactory.getLogger(PolicyParser.class);

    private final AccessTokenSource tokens;
    private final LongSupplier clock;

    /** @param tokens APIM's identity, null when it has none; {@code clock} in epoch milliseconds */
    public PolicyParser(AccessTokenSource tokens, LongSupplier clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    /** @throws IllegalArgumentException when the text is not a policy document at all */
    public PolicyDocument parse(String xml) {
        Element root = parseXml(xml);
        if (!root.getTagName().equals("policies")) {
            throw new IllegalArgumentException("policy root element must be <policies>, not <" + root.getTagName() + ">");
        }
        List<InboundPolicy> inbound = new ArrayList<>();
        List<OutboundPolicy> outbound = new ArrayList<>();
        List<UnsupportedPolicyElement> unsupported = new ArrayList<>();
        ForwardRequest forward = ForwardRequest.DEFAULT; // no backend section: the global scope forwards
        for (Element section : children(root)) {
            switch (section.getTagName()) {
                case "inbound" -> pipeline(section, unsupported).forEach(p -> inbound.add((InboundPolicy) p));
                case "outbound" -> pipeline(section, unsupported).forEach(p -> outbound.add((OutboundPolicy) p));
                case "backend" -> forward = backend(section, unsupported);
                case "on-error" -> children(section).stream().filter(e -> !e.getTagName().equals("base"))
                        .forEach(e -> unsupported.add(new UnsupportedPolicyElement("on-error", e.getTagName(),
                                "the on-error section is not executed")));
                default -> unsupported.add(new UnsupportedPolicyElement("policies", section.getTagName(),
                        "unknown section"));
            }
        }
        unsupported.forEach(u -> LOG.warn("APIM policy: <{}> in {} is kept but not executed: {}", u.element(),
                u.section(), u.reason()));
        return new PolicyDocument(inbound, forward, outbound, unsupported);
    }

    /**
     * The elements of an inbound or outbound section in order; {@code <base/>} is left out (there is no parent scope
     * to inherit from), unsupported elements become no-ops implementing both interfaces.
     */
    private List<Object> pipeline(Element section, List<UnsupportedPolicyElement> unsupported) {
        String name = section.getTagName();
        List<Object> pipeline = new ArrayList<>();
        for (Element e : children(section)) {
            if (e.getTagName().equals("base")) {
                continue;
            }
            Attributes attributes = new Attributes(e);
            try {
                Object policy = create(e, name.equals("inbound"), attributes);
                if (policy == null) {
                    pipeline.add(unsupported(name, e, "unknown policy element (or not allowed in " + name + ")",
                            unsupported));
                } else {
                    attributes.unread().forEach(a -> unsupported.add(new UnsupportedPolicyElement(name,
                            e.getTagName(), "attribute '" + a + "' is not supported (ignored)")));
                    pipeline.add(policy);
                }
            } catch (IllegalArgumentException problem) {
                pipeline.add(unsupported(name, e, problem.getMessage(), unsupported));
            }
        }
        return pipeline;
    }

    private static UnsupportedPolicy unsupported(String section, Element e, String reason,
                                                 List<UnsupportedPolicyElement> unsupported) {
        unsupported.add(new UnsupportedPolicyElement(section, e.getTagName(), reason));
        return new UnsupportedPolicy();
    }

    private Object create(Element e, boolean inbound, Attributes a) {
        return switch (e.getTagName()) {
            case "set-header" -> new SetHeader(a, values(e));
            case "set-query-parameter" -> inbound ? new SetQueryParameter(a, values(e)) : null;
            case "authentication-managed-identity" -> inbound ? new AuthenticationManagedIdentity(a, tokens) : null;
            case "set-backend-service" -> inbound ? new SetBackendService(a) : null;
            case "rate-limit-by-key" -> inbound ? new RateLimitByKey(a, clock) : null;
            case "azure-openai-token-limit" -> inbound ? new AzureOpenAiTokenLimit(a, clock) : null;
            default -> null;
        };
    }

    private static ForwardRequest backend(Element section, List<UnsupportedPolicyElement> unsupported) {
        ForwardRequest forward = null;
        for (Element e : children(section)) {
            Attributes a = new Attributes(e);
            switch (e.getTagName()) {
                case "base" -> forward = ForwardRequest.DEFAULT;
                case "forward-request" -> forward = forwardRequest(a, unsupported);
                default -> unsupported.add(new UnsupportedPolicyElement("backend", e.getTagName(),
                        "unknown policy element (or not allowed in backend)"));
            }
            a.unread().forEach(name -> unsupported.add(new UnsupportedPolicyElement("backend", e.getTagName(),
                    "attribute '" + name + "' is not supported (ignored)")));
        }
        return forward;
    }

    private static ForwardRequest forwardRequest(Attributes a, List<UnsupportedPolicyElement> unsupported) {
        boolean buffer = a.optionalBoolean("buffer-response", ForwardRequest.DEFAULT.bufferResponse());
        String ms = a.optional("timeout-ms", null);
        String seconds = a.optional("timeout", null);
        Duration timeout = ForwardRequest.DEFAULT.timeout();
        try {
            if (ms != null) {
                timeout = Duration.ofMillis(Long.parseLong(ms.trim()));
            } else if (seconds != null) {
                timeout = Duration.ofSeconds(Long.parseLong(seconds.trim()));
            }
        } catch (NumberFormatException e) {
            unsupported.add(new UnsupportedPolicyElement("backend", "forward-request",
                    "timeout is not a number (policy expressions are not supported): default kept"));
        }
        // attributes whose default the emulator already behaves like
        a.optional("http-version", null);
        a.optional("buffer-request-body", null);
        a.optional("fail-on-error-status-code", null);
        return new ForwardRequest(buffer, timeout);
    }

    private static List<PolicyExpression> values(Element e) {
        List<PolicyExpression> values = new ArrayList<>();
        for (Element child : children(e)) {
            if (child.getTagName().equals("value")) {
                values.add(PolicyExpression.parse(child.getTextContent()));
            }
        }
        return values;
    }

    private static List<Element> children(Element parent) {
        List<Element> elements = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                elements.add(e);
            }
        }
        return elements;
    }

    private static Element parseXml(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            // policies are trusted text, but there is no reason to let a document reach out for entities
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            Document doc = factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
            return doc.getDocumentElement();
        } catch (Exception e) {
            throw new IllegalArgumentException("policy is not well-formed XML: " + e.getMessage(), e);
        }
    }
}
