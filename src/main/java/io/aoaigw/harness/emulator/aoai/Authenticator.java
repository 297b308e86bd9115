package io.aoaigw.harness.emulator.aoai;

import io.aoaigw.harness.emulator.aoai.RequestRecord.AuthKind;
import io.aoaigw.harness.emulator.identity.AccessTokenValidator;
import io.aoaigw.harness.emulator.identity.AccessTokenValidator.InvalidTokenException;
import io.vertx.core.Future;

/**
 * The account's data-plane authentication: an {@code api-key} equal to key1 or key2, or a Microsoft Entra bearer token
 * for {@code https://cognitiveservices.azure.com} whose principal holds an inference role on the account. When both
 * are sent the {@code api-key} decides (unconfirmed; it is the credential Azure documents first). A validator failure
 * other than an invalid token (e.g. keys unreachable) answers 500, so it is not mistaken for a client error.
 */
final class Authenticator {
    private static final String BEARER = "bearer ";

    private final AccountState state;
    private final AccessTokenValidator validator;

    Authenticator(AccountState state, AccessTokenValidator validator) {
        this.state = state;
        this.validator = validator;
    }

    /** Succeeds with the exchange's auth fields set, or fails with {@link ErrorReply.Rejected}. */
    Future<Void> authenticate(Exchange ex) {
        String apiKey = ex.request.getHeader("api-key");
        if (apiKey != null) {
            if (!state.account().keys().contains(apiKey)) {
                return Future.failedFuture(AzureErrors.invalidApiKey().rejection());
            }
            ex.authKind = AuthKind.API_KEY;
            return Future.succeededFuture();
        }
        String authorization = ex.request.getHeader("authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Future.failedFuture(AzureErrors.unauthorizedToken().rejection());
        }
        String token = authorization.substring(BEARER.length()).trim();
        return validator.validate(token, AzureErrors.COGNITIVE_SERVICES_AUDIENCE)
                .recover(Authenticator::explain)
                .compose(validated -> {
                    ex.objectId = validated.objectId();
                    if (!state.topology().mayCallInference(validated.objectId(), state.account().name())) {
                        return Future.failedFuture(AzureErrors
                                .permissionDenied(state.settings().permissionDeniedStatus()).rejection());
                    }
                    ex.authKind = AuthKind.BEARER;
                    return Future.succeededFuture();
                });
    }

    private static <T> Future<T> explain(Throwable failure) {
        ErrorReply reply = failure instanceof InvalidTokenException
                ? AzureErrors.unauthorizedToken() : AzureErrors.serverError(500);
        return Future.failedFuture(reply.rejection());
    }
}
