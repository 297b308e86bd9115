package io.aoaigw.harness.load;

import com.typesafe.scalalogging.Logger;
import io.gatling.commons.stats.OK$;
import io.gatling.core.action.Action;
import io.gatling.core.stats.StatsEngine;
import io.gatling.core.structure.ScenarioContext;
import io.gatling.javaapi.core.ActionBuilder;
import org.slf4j.LoggerFactory;
import scala.Option;

/**
 * Puts one stream's timings into Gatling's report as named requests — "Time to first event", "TTFT", "ITL" (one per
 * gap), "TPOT", "Stream end to end" — so their percentiles sit beside Gatling's own. The Java DSL has no call for
 * custom timings, so this is a small core action writing to the stats engine, as Gatling's own actions do.
 */
final class ReportTimings implements ActionBuilder {
    static final String FIRST_EVENT = "Time to first event";
    static final String TTFT = "TTFT";
    static final String ITL = "ITL";
    static final String TPOT = "TPOT";
    static final String E2E = "Stream end to end";

    private final String timingsKey;
    private final String sentAtKey;

    ReportTimings(String timingsKey, String sentAtKey) {
        this.timingsKey = timingsKey;
        this.sentAtKey = sentAtKey;
    }

    @Override
    public io.gatling.core.action.builder.ActionBuilder asScala() {
        return new io.gatling.core.action.builder.ActionBuilder() {
            @Override
            public Action build(ScenarioContext ctx, Action next) {
                return new Report(ctx.coreComponents().statsEngine(), next);
            }
        };
    }

    private final class Report implements Action {
        private final Logger logger = Logger.apply(LoggerFactory.getLogger(ReportTimings.class));
        private final StatsEngine stats;
        private final Action next;

        Report(StatsEngine stats, Action next) {
            this.stats = stats;
            this.next = next;
        }

        @Override
        public String name() {
            return "reportStreamTimings";
        }

        @Override
        public void execute(io.gatling.core.session.Session session) {
            StreamTimings t = (StreamTimings) session.attributes().get(timingsKey).get();
            long sentAt = (Long) session.attributes().get(sentAtKey).get();
            log(session, FIRST_EVENT, sentAt, t.firstEventMicros());
            log(session, TTFT, sentAt, t.ttftMicros());
            for (long gap : t.itlMicros()) {
                log(session, ITL, sentAt, gap);
            }
            if (t.outputTokens() > 1) {
                log(session, TPOT, sentAt, t.tpotMicros());
            }
            log(session, E2E, sentAt, t.e2eMicros());
            next.execute(session.remove(timingsKey));
        }

        private void log(io.gatling.core.session.Session session, String name, long startMs, long micros) {
            stats.logResponse(session.scenario(), session.groups(), name, startMs, startMs + Math.round(micros / 1000.0),
                    OK$.MODULE$, Option.empty(), Option.empty());
        }

        @Override
        public Logger logger() {
            return logger;
        }

        @Override
        public void com$typesafe$scalalogging$StrictLogging$_setter_$logger_$eq(Logger ignored) {
            // the logger is final here; Scala's trait initialiser is not run for Java implementations
        }
    }
}
