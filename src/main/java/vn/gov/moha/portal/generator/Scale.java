package vn.gov.moha.portal.generator;

import java.util.Locale;
import java.util.Map;

/**
 * How much the generator writes: priority tasks per programme year (the ten of the programme, then
 * "nhiệm vụ phát sinh" up to 99, the schema's limit), how many of the 63 provinces get assignments
 * (0 = all), how many departments report on each task (its lead department, then coordinating ones),
 * how often a unit reports (every N weeks) and how many weeks an assignment takes at most to reach
 * 100 % (it reports until then, so long ones run into the next programme years).
 */
record Scale(String name, int tasksPerYear, int provinces, int departmentsPerTask, int everyWeeks, int slowestWeeks) {

    static final Map<String, Scale> PRESETS = Map.of(
            "small", new Scale("small", 10, 3, 2, 8, 60),
            "medium", new Scale("medium", 10, 0, 4, 1, 180),
            "large", new Scale("large", 99, 0, 4, 1, 180));

    /** A preset by name, with numbers overridden where given (null = the preset's). */
    static Scale of(String name, Integer tasksPerYear, Integer provinces, Integer everyWeeks) {
        String key = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        Scale preset = PRESETS.get(key);
        if (preset == null) {
            throw new GeneratorException(
                    "Quy mô không hợp lệ: \"" + GeneratorException.shown(name) + "\". Chọn small, medium hoặc large.",
                    "Unknown scale \"" + GeneratorException.shown(name) + "\": choose small, medium or large.");
        }
        return new Scale(
                preset.name,
                check("portal.generate.tasks-per-year", tasksPerYear, preset.tasksPerYear, 1, 99),
                check("portal.generate.provinces", provinces, preset.provinces, 0, 63),
                preset.departmentsPerTask,
                check("portal.generate.every-weeks", everyWeeks, preset.everyWeeks, 1, 52),
                preset.slowestWeeks);
    }

    private static int check(String property, Integer given, int preset, int min, int max) {
        if (given == null) {
            return preset;
        }
        if (given < min || given > max) {
            throw new GeneratorException(
                    "Giá trị không hợp lệ cho " + property + ": " + given + " (phải từ " + min + " đến " + max + ").",
                    "Invalid " + property + ": " + given + " (must be between " + min + " and " + max + ").");
        }
        return given;
    }

    /** The settings as the run's marker in the event log keeps them. */
    String describe() {
        return "scale=" + name + "; tasks=" + tasksPerYear + "; provinces=" + provinces + "; every=" + everyWeeks;
    }
}
