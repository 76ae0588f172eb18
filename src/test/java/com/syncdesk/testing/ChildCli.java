package com.syncdesk.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The real command line in its own JVM ({@code com.syncdesk.Launcher} on the test classpath), to be killed or to write its own logs. */
public final class ChildCli {

    private ChildCli() {
    }

    public static ProcessBuilder builder(Path dataHome, List<String> jvmOptions, Map<String, String> environment, String... args) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("--enable-native-access=ALL-UNNAMED");
        command.add("-Xmx512m");
        command.add("-Dsyncdesk.home=" + dataHome);
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
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
