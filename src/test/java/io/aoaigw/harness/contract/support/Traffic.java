package io.aoaigw.harness.contract.support;

import static io.restassured.RestAssured.given;

import io.aoaigw.harness.contract.ContractFailure;
import io.aoaigw.harness.target.ResolvedTarget;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Chats through the gateway with the active key: one, or a bounded sample sent a few at a time. */
public final class Traffic {
    private Traffic() {
    }

    /** One short non-streamed chat at the API's suffix. */
    public static Response chat(ResolvedTarget target, int maxTokens) {
        return chat(target, Gateway.of(target).keyed(), maxTokens);
    }

    /** One short non-streamed chat at the API's suffix, keyed by {@code keyed}. */
    public static Response chat(ResolvedTarget target, RequestSpecification keyed, int maxTokens) {
        return given()
                .spec(keyed)
                .queryParam("api-version", Gateway.API_VERSION)
                .body(Gateway.chatBody(maxTokens, false))
        .when()
                .post(Gateway.of(target).apiChatPath())
        .then()
                .extract().response();
    }

    /** {@code n} one-token chats, {@code concurrency} at a time; at most what the budget still allows. */
    public static List<Response> sample(ResolvedTarget target, int n, int concurrency) {
        int size = Math.min(n, target.budget().remaining());
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(concurrency, size)));
        try {
            List<Future<Response>> sent = pool.invokeAll(Collections.nCopies(size, () -> chat(target, 1)));
            List<Response> answers = new ArrayList<>();
            for (Future<Response> f : sent) {
                answers.add(f.get());
            }
            return answers;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ContractFailure("interrupted while sampling traffic");
        } finally {
            pool.shutdownNow();
        }
    }
}
