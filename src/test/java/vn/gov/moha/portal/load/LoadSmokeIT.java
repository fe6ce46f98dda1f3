package vn.gov.moha.portal.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The load test's smoke run in {@code mvn verify}, so the harness cannot rot unnoticed: a few
 * virtual users (one of each kind) for about a minute against the production jar the browser tests
 * build, with the demo data. Fails when any request fails (Gatling's assertion: 0 failed requests).
 * Skipped, with one line saying so, when that jar is not built (e2e.skip). The full run: -Pload (README).
 */
class LoadSmokeIT {

    @Test
    void aFewUsersForAMinuteWithoutAFailedRequest() {
        if (Boolean.getBoolean("portal.e2e.skip")) {
            String why = "Load test smoke run skipped: e2e.skip=true (no production jar built)";
            System.out.println("[load] " + why);
            Assumptions.abort(why);
        }
        for (String name : List.of("io.gatling", "io.netty")) { // Gatling's own logging: warnings only
            ((Logger) LoggerFactory.getLogger(name)).setLevel(Level.WARN);
        }
        int exit = io.gatling.app.Gatling$.MODULE$.fromArgs(
                new String[] {"-s", PortalSimulation.class.getName(), "-rf", "target/gatling"});
        assertEquals(
                0,
                exit,
                "the load test's smoke run failed (Gatling exit code " + exit
                        + "; 2 = a request failed): see its statistics above");
    }
}
