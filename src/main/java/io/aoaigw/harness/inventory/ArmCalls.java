package io.aoaigw.harness.inventory;

import com.azure.core.management.exception.ManagementException;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs one read and turns ARM's refusal into an {@link InventoryException} that names what was read and where:
 * a 404 becomes "X not found in resource group R (subscription S)", a 401/403 says ARM refused the credential.
 * Retries (429 with Retry-After, 5xx) happened before, in the SDK pipeline's RetryPolicy.
 */
final class ArmCalls {
    private static final Pattern CALLER = Pattern.compile("client '([^']*)' with object id '([^']*)'");
    private final InventoryTarget target;

    ArmCalls(InventoryTarget target) {
        this.target = target;
    }

    <T> T read(String what, String resourceId, Supplier<T> call) {
        try {
            return call.get();
        } catch (ManagementException e) {
            int status = e.getResponse() == null ? 0 : e.getResponse().getStatusCode();
            String code = e.getValue() == null ? null : e.getValue().getCode();
            String message = e.getValue() == null ? e.getMessage() : e.getValue().getMessage();
            throw failure(what, resourceId, status, code, message, e);
        } catch (ArmJson.ArmCallException e) {
            throw failure(what, resourceId, e.status(), e.code(), e.armMessage(), e);
        }
    }

    /** Like {@link #read} but a 404 gives null: for parts whose absence is itself a finding (an API's policy). */
    <T> T readOptional(String what, String resourceId, Supplier<T> call) {
        try {
            return read(what, resourceId, call);
        } catch (InventoryException e) {
            if (e.status() == 404) {
                return null;
            }
            throw e;
        }
    }

    /** "client X, object id Y" from ARM's AuthorizationFailed message, as far as it says. */
    private static String identityIn(String message) {
        Matcher m = CALLER.matcher(message == null ? "" : message);
        return m.find() ? "client " + m.group(1) + ", object id " + m.group(2) : "its principal";
    }

    private InventoryException failure(String what, String resourceId, int status, String code, String message,
                                       Throwable cause) {
        String detail = " [" + resourceId + "]: " + (code == null ? "" : code + ": ") + message;
        if (status == 404) {
            return new InventoryException(what + " not found " + target.where() + detail, status, cause);
        }
        if (status == 403 && "AuthorizationFailed".equals(code)) {
            return new InventoryException("the identity reading Resource Manager (" + identityIn(message)
                    + ") may not read " + what + ": assign it the Reader role on resource group "
                    + target.resourceGroup() + detail, status, cause);
        }
        if (status == 401 || status == 403) {
            return new InventoryException("Resource Manager refused to let the credential read " + what
                    + " (HTTP " + status + ")" + detail, status, cause);
        }
        return new InventoryException("cannot read " + what + " (HTTP " + status + ")" + detail, status, cause);
    }
}
