package io.aoaigw.harness.load;

import com.typesafe.scalalogging.Logger;
import io.gatling.commons.stats.KO$;
import io.gatling.commons.stats.OK$;
import io.gatling.core.action.Action;
import io.gatling.core.session.Session;
import io.gatling.core.stats.StatsEngine;
import io.gatling.core.structure.ScenarioContext;
import io.gatling.javaapi.core.ActionBuilder;
import org.slf4j.LoggerFactory;
import scala.Option;

/**
 * A step that writes named events of the harness's own into Gatling's report. The Java DSL has no call for custom
 * events, so this is a small core action writing to the stats engine, as Gatling's own actions do.
 */
abstract class StatsAction implements ActionBuilder {

    /** Writes this step's events for one session; returns the session the next step gets. */
    abstract Session record(Session session, Events events);

    /** The stats engine, bound to one session's scenario and groups. */
    record Events(StatsEngine stats, Session session) {
        void log(String name, long startMs, long endMs, boolean ok, String reason) {
            stats.logResponse(session.scenario(), session.groups(), name, startMs, endMs,
                    ok ? OK$.MODULE$ : KO$.MODULE$, Option.empty(), Option.apply(reason));
        }
    }

    @Override
    public io.gatling.core.action.builder.ActionBuilder asScala() {
        return new io.gatling.core.action.builder.ActionBuilder() {
            @Override
            public Action build(ScenarioContext ctx, Action next) {
                return new Step(ctx.coreComponents().statsEngine(), next);
            }
        };
    }

    private final class Step implements Action {
        private final Logger logger = Logger.apply(LoggerFactory.getLogger(StatsAction.this.getClass()));
        private final StatsEngine stats;
        private final Action next;

        Step(StatsEngine stats, Action next) {
            this.stats = stats;
            this.next = next;
        }

        @Override
        public String name() {
            return StatsAction.this.getClass().getSimpleName();
        }

        @Override
        public void execute(Session session) {
            next.execute(record(session, new Events(stats, session)));
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
