package io.aoaigw.harness.emulator.arm;

import com.nimbusds.jwt.SignedJWT;
import io.aoaigw.harness.emulator.identity.AccessTokenValidator;
import io.aoaigw.harness.emulator.identity.ValidatedToken;
import io.vertx.core.Future;
import java.text.ParseException;
import java.util.List;

/**
 * ARM's bearer check. ARM accepts tokens for {@code https://management.azure.com} and for the older
 * {@code https://management.core.windows.net} (the SDKs of some clouds still ask for the latter); anything else is
 * refused with ARM's 401 codes: AuthenticationFailed (no or malformed header), InvalidAuthenticationTokenAudience,
 * ExpiredAuthenticationToken, InvalidAuthenticationToken.
 */
final class ArmAuthenticator {
    static final String MANAGEMENT = "https://management.azure.com";
    static final String MANAGEMENT_CLASSIC = "https://management.core.windows.net";
    private static final String BEARER = "Bearer ";

    /** Carries the ARM error a refused token gets. */
    static final class Refused extends RuntimeException {
        final ArmError error;

        Refused(ArmError error) {
            super(error.code(), null, false, false);
            this.error = error;
        }
    }

    private final AccessTokenValidator validator;

    ArmAuthenticator(AccessTokenValidator validator) {
        this.validator = validator;
    }

    /** Succeeds with the caller's claims, or fails with {@link Refused}. */
    Future<ValidatedToken> authenticate(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return refuse("AuthenticationFailed", "Authentication failed. The 'Authorization' header is missing.");
        }
        if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return refuse("AuthenticationFailed",
                    "Authentication failed. The 'Authorization' header is provided in an invalid format.");
        }
        String jwt = authorization.substring(BEARER.length()).trim();
        return validator.validate(jwt, MANAGEMENT)
                .recover(e -> isWrongAudience(e) ? validator.validate(jwt, MANAGEMENT_CLASSIC) : Future.failedFuture(e))
                .recover(e -> Future.failedFuture(new Refused(errorFor(e, jwt))));
    }

    private static boolean isWrongAudience(Throwable e) {
        return e.getMessage() != null && e.getMessage().startsWith("wrong audience");
    }

    private static ArmError errorFor(Throwable e, String jwt) {
        String reason = e.getMessage() == null ? "" : e.getMessage();
        if (isWrongAudience(e)) {
            return new ArmError(401, "InvalidAuthenticationTokenAudience", "The access token has been obtained for wrong"
                    + " audience or resource '" + audienceOf(jwt) + "'. It should exactly match with one of the allowed"
                    + " audiences '" + MANAGEMENT_CLASSIC + "/','" + MANAGEMENT_CLASSIC + "','" + MANAGEMENT + "/','"
                    + MANAGEMENT + "'.");
        }
        if (reason.startsWith("token expired")) {
            return new ArmError(401, "ExpiredAuthenticationToken", "The access token expiry UTC time is earlier than"
                    + " current UTC time (" + reason + ").");
        }
        return new ArmError(401, "InvalidAuthenticationToken", "The access token is invalid.");
    }

    /** The token's {@code aud}, read without trust, only to word the error as ARM does. */
    private static String audienceOf(String jwt) {
        try {
            List<String> audiences = SignedJWT.parse(jwt).getJWTClaimsSet().getAudience();
            return audiences.isEmpty() ? "" : audiences.get(0);
        } catch (ParseException e) {
            return "";
        }
    }

    private static Future<ValidatedToken> refuse(String code, String message) {
        return Future.failedFuture(new Refused(new ArmError(401, code, message)));
    }
}
