package io.aoaigw.harness.emulator.arm;

import static io.aoaigw.harness.emulator.arm.ArmExchange.resource;

import io.aoaigw.harness.topology.ApimBackend;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A backend entity as Microsoft.ApiManagement 2024-05-01 returns it (BackendContract in the specs'
 * apimbackends.json): properties url, protocol, type Single|Pool, pool.services[{id, priority, weight}] with each
 * member's full ARM id, circuitBreaker.rules[{name, failureCondition{count, interval, statusCodeRanges}, tripDuration,
 * acceptRetryAfter}]. A single backend's URL is resolved as the API's serviceUrl is (the emulated endpoint).
 */
final class ApimBackendJson {
    private ApimBackendJson() {
    }

    static JsonObject of(String serviceId, ApimBackend b, ArmView view) {
        // no description: the spec's BackendBaseParameters.description has minLength 1, and the model has none
        JsonObject properties = new JsonObject().put("type", b.type());
        if (b.isPool()) {
            JsonArray services = new JsonArray();
            b.pool().services().forEach(m -> services.add(new JsonObject().put("id", serviceId + "/backends/" + m.id())
                    .put("priority", m.priority()).put("weight", m.weight())));
            properties.put("pool", new JsonObject().put("services", services));
        } else {
            properties.put("url", view.resolveServiceUrl(b.url())).put("protocol", b.protocol())
                    .put("tls", new JsonObject().put("validateCertificateChain", true)
                            .put("validateCertificateName", true));
            if (!b.circuitBreaker().rules().isEmpty()) {
                properties.put("circuitBreaker", new JsonObject().put("rules", rules(b.circuitBreaker())));
            }
        }
        return resource(serviceId + "/backends/" + b.id(), b.id(), "Microsoft.ApiManagement/service/backends")
                .put("properties", properties);
    }

    private static JsonArray rules(ApimBackend.CircuitBreaker breaker) {
        JsonArray rules = new JsonArray();
        for (ApimBackend.Rule r : breaker.rules()) {
            JsonArray ranges = new JsonArray();
            r.failureCondition().statusCodeRanges().forEach(range -> ranges.add(new JsonObject()
                    .put("min", range.min()).put("max", range.max())));
            rules.add(new JsonObject().put("name", r.name())
                    .put("failureCondition", new JsonObject().put("count", r.failureCondition().count())
                            .put("interval", r.failureCondition().interval()).put("statusCodeRanges", ranges)
                            .put("errorReasons", new JsonArray(r.failureCondition().errorReasons())))
                    .put("tripDuration", r.tripDuration()).put("acceptRetryAfter", r.acceptRetryAfter()));
        }
        return rules;
    }
}
