package io.aoaigw.harness.testsupport;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.identity.ManagedIdentityCredentialBuilder;
import com.microsoft.aad.msal4j.ManagedIdentityApplication;
import com.microsoft.aad.msal4j.ManagedIdentitySourceType;
import io.aoaigw.harness.emulator.tls.TrustMaterial;
import io.aoaigw.harness.trust.AzureHttpClients;
import java.nio.file.Path;

/**
 * The child JVM of {@link ManagedIdentityChild}: a process whose real environment says "App Service", as MSAL reads
 * IDENTITY_ENDPOINT/IDENTITY_HEADER with System.getenv and shares a static token cache per JVM. Argument: the scope.
 * Prints {@value #TOKEN_PREFIX}&lt;jwt&gt; on success; exits 2 before any request unless MSAL sees App Service.
 */
public final class ManagedIdentityTokenMain {
    public static final String TOKEN_PREFIX = "access_token=";
    public static final String TRUST_STORE = "harness.trustStore";
    public static final String TRUST_STORE_PASSWORD = "harness.trustStorePassword";
    static final int NOT_APP_SERVICE = 2;

    private ManagedIdentityTokenMain() {
    }

    public static void main(String[] args) {
        ManagedIdentitySourceType source = ManagedIdentityApplication.getManagedIdentitySource();
        if (source != ManagedIdentitySourceType.APP_SERVICE) {
            System.out.println("MSAL sees managed identity source " + source + ", not APP_SERVICE: no token request");
            System.exit(NOT_APP_SERVICE);
        }
        try {
            TrustMaterial trust = TrustMaterial.load(Path.of(System.getProperty(TRUST_STORE)),
                    System.getProperty(TRUST_STORE_PASSWORD));
            TokenCredential credential = new ManagedIdentityCredentialBuilder()
                    .configuration(AzureCredentials.EMPTY_CONFIGURATION)
                    .httpClient(AzureHttpClients.loopbackOnly(trust))
                    .build();
            AccessToken token = credential.getTokenSync(new TokenRequestContext().addScopes(args[0]));
            System.out.println(TOKEN_PREFIX + token.getToken());
            System.exit(0);
        } catch (RuntimeException e) {
            e.printStackTrace(System.out);
            System.exit(1);
        }
    }
}
