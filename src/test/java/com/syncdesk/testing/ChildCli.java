package com.syncdesk.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The real command line in its own JVM ({@code com.syncdesk.Launcher} on the test classpath), to be killed or to write its own logs. */
public final class ChildCli {

    private ChildCli() {
    }

    public static ProcessBuilder builder(Path dataHome, List<String> jvmOptions, Map<String, String> environment, String... args) {
        return builder(System.getProperty("java.class.path"), dataHome, jvmOptions, environment, args);
    }

    /** Like {@link #builder}, without the tests' own classes and resources: the product's logging, not logback-test.xml's. */
    public static ProcessBuilder productBuilder(Path dataHome, List<String> jvmOptions, Map<String, String> environment, String... args) {
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !Path.of(entry).endsWith("test-classes")).collect(Collectors.joining(File.pathSeparator));
        return builder(classPath, dataHome, jvmOptions, environment, args);
    }

    private static ProcessBuilder builder(String classPath, Path dataHome, List<String> jvmOptions, Map<String, String> environment,
            String... args) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("--enable-native-access=ALL-UNNAMED");
        command.add("-Xmx512m");
        command.add("-Dsyncdesk.home=" + dataHome);
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classPath);
        command.add("com.syncdesk.Launcher");
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("SYNCDESK_PASSWORD");
        builder.environment().putAll(environment);
        return builder;
    }

    public static Process start(Path dataHome, String... args) throws IOException {
        return builder(dataHome, List.of(), Map.of(), args).redirectErrorStream(true).start();
    }
}
