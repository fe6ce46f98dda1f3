package vn.gov.moha.portal.generator;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * The command line of the data generator: {@code java -jar portal.jar --generate=large} (or the Spring
 * profile {@code generate} with {@code portal.generate.scale}). It starts the portal without its web
 * server, fills the database, prints what it did and exits: 0 when done, 2 when it refused to run.
 */
public final class GenerateCommand {

    public static final String PROFILE = "generate";

    private GenerateCommand() {}

    /** Whether the command line asks for the generator. */
    public static boolean requested(String[] args) {
        return Arrays.stream(args)
                .anyMatch(a -> a.startsWith("--generate=") || a.startsWith("--portal.generate.scale="));
    }

    /** Runs the generator in the started context; returns the process's exit code. */
    public static int run(ConfigurableApplicationContext context) {
        Environment env = context.getEnvironment();
        try {
            String name = env.getProperty("generate", env.getProperty("portal.generate.scale"));
            Scale scale = Scale.of(
                    name,
                    number(env, "portal.generate.tasks-per-year"),
                    number(env, "portal.generate.provinces"),
                    number(env, "portal.generate.every-weeks"));
            long seed = number(env, "portal.generate.seed") == null ? 2024 : number(env, "portal.generate.seed");
            String until = env.getProperty("portal.generate.until");
            DataGenerator.Settings settings = new DataGenerator.Settings(
                    scale,
                    seed,
                    env.getProperty("portal.generate.append", Boolean.class, false),
                    until == null ? LocalDateTime.now(ZoneOffset.UTC) : LocalDateTime.parse(until),
                    env.getProperty("portal.generate.password", "Demo@2024"),
                    0);
            context.getBean(DataGenerator.class).run(settings, System.out);
            return 0;
        } catch (GeneratorException e) {
            System.err.println(e.vietnamese());
            System.err.println(e.english());
            return 2;
        }
    }

    private static Integer number(Environment env, String property) {
        String value = env.getProperty(property);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new GeneratorException(
                    "Giá trị không hợp lệ cho " + property + ": \"" + GeneratorException.shown(value)
                            + "\" (phải là một số nguyên).",
                    "Invalid " + property + ": \"" + GeneratorException.shown(value) + "\" (must be a whole number).");
        }
    }
}
