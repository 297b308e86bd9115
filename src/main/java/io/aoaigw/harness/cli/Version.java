package io.aoaigw.harness.cli;

import picocli.CommandLine;

/** The version from the jar's manifest (absent when run from classes). */
final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Main.class.getPackage().getImplementationVersion();
        return new String[] {"aoai-gateway-harness " + (v == null ? "(development build)" : v)};
    }
}
