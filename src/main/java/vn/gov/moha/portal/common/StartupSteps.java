package vn.gov.moha.portal.common;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs every {@link StartupStep} in the lifecycle phase before Spring Boot's web server starts listening, so
 * nobody logs in while they run (an {@code ApplicationRunner} runs after the server already serves). A step
 * that fails stops the start.
 */
@Component
class StartupSteps implements SmartLifecycle {

    private final ObjectProvider<StartupStep> steps;
    private volatile boolean running;

    StartupSteps(ObjectProvider<StartupStep> steps) {
        this.steps = steps;
    }

    @Override
    public void start() {
        for (StartupStep step : steps.orderedStream().toList()) {
            try {
                step.run();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(
                        "Start-up step " + step.getClass().getSimpleName() + " failed", e);
            }
        }
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the web server's phase ({@code WebServerStartStopLifecycle}, just under {@code Integer.MAX_VALUE}). */
    @Override
    public int getPhase() {
        return 0;
    }
}
