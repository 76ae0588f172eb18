package com.syncdesk.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.syncdesk.testing.ChildCli;

class DesktopRequirementsTest {

    @TempDir
    Path home;

    @Test
    void aMissingGtkLibraryIsExplainedWithWhatToInstallPerSystem() {
        UnsupportedOperationException glass = new UnsupportedOperationException("Unable to load glass GTK library.");
        glass.setStackTrace(new StackTraceElement[] {new StackTraceElement("com.sun.glass.ui.gtk.GtkApplication", "<init>", "GtkApplication.java", 176)});

        String linux = DesktopRequirements.explain(new RuntimeException(glass), "Linux").orElseThrow();
        assertThat(linux).startsWith("SyncDesk's desktop console cannot start: Unable to load glass GTK library. ")
                .contains("sudo apt-get install libgtk-3-0 libxtst6 libxxf86vm1 libgl1", "libgtk-3-0t64", "sudo dnf install gtk3")
                .endsWith("java -jar syncdesk.jar --help lists the commands.")
                .doesNotContain("\n");
        assertThat(DesktopRequirements.explain(new UnsatisfiedLinkError("libgtk-3.so.0: cannot open shared object file"), "Linux"))
                .get().asString().contains("libgtk-3.so.0: cannot open shared object file");
        assertThat(DesktopRequirements.explain(glass, "Mac OS X")).get().asString().contains("logged-in desktop session");
        assertThat(DesktopRequirements.explain(glass, "Windows 11")).get().asString().contains("Visual C++");
        assertThat(DesktopRequirements.explain(new IllegalStateException("a bug of ours"), "Linux")).isEmpty();
    }

    @Test
    void aLinuxSessionWithoutADisplayIsToldBeforeJavaFxStarts() {
        assertThat(DesktopRequirements.preflight("Linux", Map.of())).get().asString()
                .contains("there is no graphical display (neither DISPLAY nor WAYLAND_DISPLAY is set)");
        assertThat(DesktopRequirements.preflight("Linux", Map.of("WAYLAND_DISPLAY", "wayland-0"))).isEmpty();
        assertThat(DesktopRequirements.preflight("Windows 11", Map.of())).isEmpty();
    }

    @Test
    void withoutADisplayTheConsoleExplainsInOneParagraphAndTheCommandLineStillWorks() throws Exception {
        Map<String, String> noDisplay = new HashMap<>();
        noDisplay.put("DISPLAY", "");
        noDisplay.put("WAYLAND_DISPLAY", "");
        Run console = run(noDisplay);
        assertThat(console.exitCode).isEqualTo(1);
        assertThat(console.output).contains("syncdesk: SyncDesk's desktop console cannot start: there is no graphical display")
                .doesNotContain("\tat ").doesNotContain("Exception");

        Run unreachable = run(Map.of("DISPLAY", ":97"));
        assertThat(unreachable.exitCode).isEqualTo(1);
        assertThat(unreachable.output).contains("syncdesk: SyncDesk's desktop console cannot start: Unable to open DISPLAY.")
                .doesNotContain("\tat ");

        Run help = run(noDisplay, "status", "--help");
        assertThat(help.exitCode).isZero();
        assertThat(help.output).contains("Usage: syncdesk status");
    }

    private record Run(int exitCode, String output) {
    }

    private Run run(Map<String, String> environment, String... args) throws IOException, InterruptedException {
        Process process = ChildCli.builder(home, List.of(), environment, args).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output);
    }
}
