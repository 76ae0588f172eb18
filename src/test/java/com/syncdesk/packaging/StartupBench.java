package com.syncdesk.packaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.syncdesk.app.StartupTrace;
import com.syncdesk.app.StartupTrace.Milestone;

/**
 * Start-up of the plain jar ({@code java -jar target/syncdesk.jar}) and of the packaged SyncDesk (the app image's
 * launchers) side by side in one run, interleaved: {@code status} on a small database, {@code --version}, and the console
 * from launch to each of its milestones ({@link StartupTrace}). Prints medians and the spread; not a test.
 * <pre>
 * mvn -B -ntp -Ppackage -DskipTests verify
 * xvfb-run -s "-screen 0 1280x800x24" mvn -q -Pstartup-bench test-compile exec:exec [-Dstartup.rounds=11] [-Dstartup.headless=true]
 * </pre>
 */
public final class StartupBench {

    private final Path java;
    private final Path jar;
    private final Path launcher;
    private final Path cliLauncher;
    private final Path work;
    private final boolean headless;

    private StartupBench(Path java, Path jar, Path launcher, Path cliLauncher, Path work, boolean headless) {
        this.java = java;
        this.jar = jar;
        this.launcher = launcher;
        this.cliLauncher = cliLauncher;
        this.work = work;
        this.headless = headless;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            String[] pair = arg.replaceFirst("^--", "").split("=", 2);
            options.put(pair[0], pair.length == 2 ? pair[1] : "true");
        }
        Path java = Path.of(ProcessHandle.current().info().command().orElseThrow());
        Path jar = Path.of(options.getOrDefault("jar", "target/syncdesk.jar")).toAbsolutePath();
        Path launcher = Path.of(options.getOrDefault("launcher", "target/package/SyncDesk/bin/SyncDesk")).toAbsolutePath();
        Path cliLauncher = Path.of(options.getOrDefault("cli-launcher", "target/package/SyncDesk/bin/syncdesk-cli")).toAbsolutePath();
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "11"));
        boolean headless = Boolean.parseBoolean(options.getOrDefault("headless", "false"));
        if (!headless && System.getenv("DISPLAY") == null) {
            throw new IllegalStateException("No DISPLAY: run under xvfb-run (a real window, as an operator sees it) or with --headless=true");
        }
        for (Path file : List.of(jar, launcher, cliLauncher)) {
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException(file + " is missing: build it first with mvn -B -ntp -Ppackage -DskipTests verify");
            }
        }
        Path work = Files.createTempDirectory("syncdesk-startup-bench");
        new StartupBench(java, jar, launcher, cliLauncher, work, headless).run(rounds);
    }

    private void run(int rounds) throws Exception {
        Path database = work.resolve("small.db");
        Result load = time(plain(List.of(), "demo-data", "--db", database.toString(), "--entities", "2000", "--seed", "1"), work.resolve("load"));
        if (load.exitCode != 0) {
            throw new IllegalStateException("demo-data failed: " + load.output);
        }
        Map<String, List<Long>> plainTimes = new LinkedHashMap<>();
        Map<String, List<Long>> packagedTimes = new LinkedHashMap<>();
        // One unmeasured round each: the first start of a JavaFX jar unpacks its native libraries into the user's cache.
        for (int round = -1; round < rounds; round++) {
            for (boolean packaged : new boolean[] {false, true}) {
                Map<String, List<Long>> times = packaged ? packagedTimes : plainTimes;
                long status = command(packaged, "status", "--db", database.toString());
                long version = command(packaged, "--version");
                Map<String, Long> console = console(packaged, database, round);
                if (round >= 0) {
                    times.computeIfAbsent("status on a 2,000-state database (process start to exit)", k -> new ArrayList<>()).add(status);
                    times.computeIfAbsent("--version (process start to exit)", k -> new ArrayList<>()).add(version);
                    console.forEach((milestone, ms) -> times.computeIfAbsent("console: " + milestone, k -> new ArrayList<>()).add(ms));
                }
            }
        }
        print(rounds, plainTimes, packagedTimes);
    }

    private long command(boolean packaged, String... args) throws Exception {
        ProcessBuilder builder = packaged ? packaged(cliLauncher, List.of(), args) : plain(List.of(), args);
        Result result = time(builder, work.resolve("command.out"));
        if (result.exitCode != 0) {
            throw new IllegalStateException(String.join(" ", args) + " exited with " + result.exitCode + ": " + result.output);
        }
        return result.millis;
    }

    /** Milliseconds from launch to each milestone, for a console that closes itself once its figures are shown. */
    private Map<String, Long> console(boolean packaged, Path database, int round) throws Exception {
        Path home = work.resolve((packaged ? "packaged-home-" : "plain-home-") + round);
        Files.createDirectories(home);
        Files.copy(database, home.resolve("syncdesk.db"), StandardCopyOption.REPLACE_EXISTING);
        Path trace = home.resolve("trace.txt");
        List<String> properties = new ArrayList<>(List.of("-Dsyncdesk.home=" + home, "-Dsyncdesk.keyring=off",
                "-D" + StartupTrace.FILE_PROPERTY + "=" + trace, "-D" + StartupTrace.EXIT_PROPERTY + "=true"));
        if (headless) {
            properties.addAll(List.of("-Dglass.platform=Headless", "-Dprism.order=sw"));
        }
        long launched = System.currentTimeMillis();
        Result result = time(packaged ? packaged(launcher, properties) : plain(properties), home.resolve("console.out"));
        if (result.exitCode != 0) {
            throw new IllegalStateException("The console exited with " + result.exitCode + ": " + result.output);
        }
        Map<String, Long> reached = new LinkedHashMap<>();
        for (String line : Files.readAllLines(trace)) {
            String[] parts = line.split(" ");
            reached.put(parts[0], Long.parseLong(parts[1]) - launched);
        }
        for (Milestone milestone : Milestone.values()) {
            if (!reached.containsKey(milestone.word())) {
                throw new IllegalStateException("The console did not reach " + milestone.word() + ": " + result.output);
            }
        }
        return reached;
    }

    /** java -jar target/syncdesk.jar, as the README runs it. */
    private ProcessBuilder plain(List<String> properties, String... args) {
        List<String> command = new ArrayList<>(List.of(java.toString(), "--enable-native-access=ALL-UNNAMED"));
        command.addAll(properties);
        command.addAll(List.of("-jar", jar.toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }

    /** One of the image's launchers; system properties reach its JVM through JAVA_TOOL_OPTIONS, as they would an operator's. */
    private static ProcessBuilder packaged(Path launcher, List<String> properties, String... args) {
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        if (!properties.isEmpty()) {
            builder.environment().put("JAVA_TOOL_OPTIONS", String.join(" ", properties));
        }
        return builder;
    }

    private record Result(int exitCode, long millis, String output) {
    }

    private static Result time(ProcessBuilder builder, Path output) throws IOException, InterruptedException {
        builder.environment().remove("SYNCDESK_PASSWORD");
        builder.redirectErrorStream(true).redirectOutput(output.toFile());
        long start = System.nanoTime();
        Process process = builder.start();
        process.getOutputStream().close();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("Did not end within 120 s: " + builder.command());
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        return new Result(process.exitValue(), millis, Files.readString(output));
    }

    private void print(int rounds, Map<String, List<Long>> plain, Map<String, List<Long>> packaged) {
        System.out.printf(Locale.ROOT, "Start-up, %d interleaved rounds after one unmeasured round; %s; median (min-max) in ms%n", rounds,
                headless ? "console on JavaFX's headless platform" : "console in a real window on DISPLAY " + System.getenv("DISPLAY"));
        System.out.printf(Locale.ROOT, "  plain:    %s --enable-native-access=ALL-UNNAMED -jar %s%n", java, jar);
        System.out.printf(Locale.ROOT, "  packaged: %s (commands), %s (console)%n%n", cliLauncher, launcher);
        System.out.printf(Locale.ROOT, "| %-58s | %-20s | %-20s | %-8s |%n", "measure", "plain jar", "packaged", "speed-up");
        System.out.printf(Locale.ROOT, "| %-58s | %-20s | %-20s | %-8s |%n", "-".repeat(58), "-".repeat(20), "-".repeat(20), "-".repeat(8));
        for (String measure : plain.keySet()) {
            List<Long> a = plain.get(measure);
            List<Long> b = packaged.get(measure);
            System.out.printf(Locale.ROOT, "| %-58s | %-20s | %-20s | %7.2fx |%n", measure, summary(a), summary(b),
                    (double) median(a) / Math.max(1, median(b)));
        }
    }

    private static String summary(List<Long> times) {
        return String.format(Locale.ROOT, "%,d (%,d-%,d)", median(times), times.stream().mapToLong(Long::longValue).min().orElse(0),
                times.stream().mapToLong(Long::longValue).max().orElse(0));
    }

    private static long median(List<Long> times) {
        List<Long> sorted = times.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
