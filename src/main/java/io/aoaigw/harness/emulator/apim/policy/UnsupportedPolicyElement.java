package io.aoaigw.harness.emulator.apim.policy;

/**
 * A part of the policy document the emulator keeps but does not execute (an unknown element, an unsupported
 * attribute or expression, a section it does not run). {@code element} is the element name, {@code reason} why.
 */
public record UnsupportedPolicyElement(String section, String element, String reason) {
}
