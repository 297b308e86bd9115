package io.aoaigw.harness.emulator.apim.policy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;

/** Reads a policy element's attributes and remembers which were read, so the rest can be reported as ignored. */
final class Attributes {
    private final Element element;
    private final Set<String> read = new HashSet<>();

    Attributes(Element element) {
        this.element = element;
    }

    String required(String name) {
        String value = optional(name, null);
        if (value == null) {
            throw new IllegalArgumentException("attribute '" + name + "' is required");
        }
        return value;
    }

    String optional(String name, String fallback) {
        read.add(name);
        return element.hasAttribute(name) ? element.getAttribute(name) : fallback;
    }

    int requiredInt(String name) {
        String value = required(name);
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("attribute '" + name + "' must be a number, not '" + value + "'");
        }
    }

    boolean optionalBoolean(String name, boolean fallback) {
        String value = optional(name, null);
        return value == null ? fallback : Boolean.parseBoolean(value.trim());
    }

    PolicyExpression expression(String name) {
        return PolicyExpression.parse(required(name));
    }

    /** Attributes present on the element that no policy class asked for. */
    List<String> unread() {
        List<String> names = new ArrayList<>();
        NamedNodeMap all = element.getAttributes();
        for (int i = 0; i < all.getLength(); i++) {
            String name = all.item(i).getNodeName();
            if (!read.contains(name) && !name.startsWith("xmlns")) {
                names.add(name);
            }
        }
        return names;
    }
}
