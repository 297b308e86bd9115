package io.aoaigw.harness.topology;

/**
 * A Microsoft Entra principal of the deployment: a service principal (client credentials, e.g. the harness's reader)
 * or a managed identity (e.g. APIM's system-assigned identity). {@code clientSecret} exists only in the emulator.
 */
public record Identity(String name, Kind kind, String clientId, String clientSecret, String objectId) {

    public enum Kind { servicePrincipal, managedIdentity }
}
