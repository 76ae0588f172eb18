package com.syncdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.PieChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import com.syncdesk.history.DailyRuns;
import com.syncdesk.persistence.EnumValue;
import com.syncdesk.persistence.PageRequest;
import com.syncdesk.syncstate.SyncStateFilter;
import com.syncdesk.syncstate.SyncStateRow;
import com.syncdesk.syncstate.SyncStateSort;
import com.syncdesk.syncstate.SyncStatistics;
import com.syncdesk.syncstate.SyncStatus;
import com.syncdesk.ui.PageId;
import com.syncdesk.ui.dashboard.DashboardViewModel;

@ExtendWith(ApplicationExtension.class)
class DashboardPageTest {

    @TempDir
    Path dir;

    private ConsoleHarness console;

    @Start
    void start(Stage stage) {
        console = ConsoleHarness.start(stage, dir, 1280, 900);
    }

    @AfterEach
    void close(FxRobot robot) {
        console.close(robot);
    }

    @Test
    void figuresAndChartsEqualTheServiceStatistics(FxRobot robot) throws Exception {
        console.open(robot, TestConsoles.withDemoData(dir, 1_500));
        SyncStatistics expected = console.context.workspace().syncStates().statistics(null, DashboardViewModel.WINDOW_HOURS);
        List<DailyRuns> runs = console.context.workspace().history().runsPerDay(DashboardViewModel.HISTORY_DAYS);

        assertThat(figure(robot, "success-rate")).isEqualTo(String.format(Locale.ROOT, "%.1f %%", expected.successRate() * 100));
        assertThat(figure(robot, "average-duration")).isEqualTo(String.format(Locale.ROOT, "%,.0f ms", expected.averageDurationMs()));
        assertThat(figure(robot, "p95-duration")).isEqualTo(String.format(Locale.ROOT, "%,d ms", expected.p95DurationMs()));
        assertThat(figure(robot, "api-calls")).isEqualTo(String.format(Locale.ROOT, "%,d", expected.totalApiCalls()));
        assertThat(figure(robot, "open-conflicts")).isEqualTo(String.format(Locale.ROOT, "%,d", expected.openConflicts()));
        assertThat(figure(robot, "recent-failures")).isEqualTo(String.format(Locale.ROOT, "%,d", expected.failuresInWindow()));
        assertThat(expected.openConflicts()).isPositive();

        PieChart statuses = robot.lookup(n -> n instanceof PieChart).queryAs(PieChart.class);
        Map<String, Long> shown = new LinkedHashMap<>();
        statuses.getData().forEach(slice -> shown.put(slice.getName().replaceFirst(" \\(.*", "").replace(' ', '_'), (long) slice.getPieValue()));
        assertThat(shown).isEqualTo(expected.byStatus());
        // Every status reads in the legend with its count, the small slices ("in progress" had no label) too (issue 15.8).
        long total = expected.byStatus().values().stream().mapToLong(Long::longValue).sum();
        assertThat(robot.lookup(".status-legend .legend-line").queryAllAs(Label.class)).extracting(Label::getText)
                .containsExactlyElementsOf(expected.byStatus().entrySet().stream().map(e -> DashboardViewModel.shareText(
                        EnumValue.parse(SyncStatus.class, e.getKey()).words(), e.getValue(), total)).toList())
                .anySatisfy(line -> assertThat(line).startsWith("in progress  "));
        // Boards and projects are invisible as bars next to the issues: their categories carry the counts.
        @SuppressWarnings("unchecked")
        BarChart<String, Number> types = robot.lookup(n -> n instanceof BarChart).queryAs(BarChart.class);
        assertThat(types.getData().getFirst().getData()).extracting(XYChart.Data::getXValue)
                .containsExactlyElementsOf(expected.byType().entrySet().stream().map(e -> DashboardViewModel.typeCategory(e.getKey(), e.getValue())).toList())
                .contains(DashboardViewModel.typeCategory("board", expected.byType().get("board")));

        @SuppressWarnings("unchecked")
        LineChart<String, Number> runsChart = robot.lookup(n -> n instanceof LineChart).queryAs(LineChart.class);
        assertThat(runsChart.getData().get(1).getData()).extracting(d -> d.getYValue().longValue())
                .containsExactlyElementsOf(runs.stream().map(DailyRuns::failed).toList());
        assertThat(robot.lookup(".top-error").queryAllAs(Hyperlink.class)).extracting(Hyperlink::getText)
                .containsExactlyElementsOf(expected.topErrors().stream().map(SyncStatistics.ErrorCount::message).toList());
        console.assertNothingWentWrong();
    }

    @Test
    void clickingATopErrorShowsTheFailedStatesWithThatError(FxRobot robot) throws Exception {
        console.open(robot, TestConsoles.withDemoData(dir, 1_500));
        Hyperlink top = robot.lookup(".top-error").queryAs(Hyperlink.class);
        String error = top.getText();

        robot.interact(() -> robot.lookup(".dashboard").queryAs(ScrollPane.class).setVvalue(1));
        robot.clickOn(top);
        console.settle();

        assertThat(console.window.controller().currentPage()).isEqualTo(PageId.SYNC_STATES);
        SyncStateFilter filter = SyncStateFilter.all().withStatuses(SyncStatus.FAILED).withText(error);
        List<Long> expected = console.context.workspace().syncStates().page(filter, SyncStateSort.DEFAULT, PageRequest.first(100))
                .items().stream().map(SyncStateRow::id).toList();
        @SuppressWarnings("unchecked")
        TableView<SyncStateRow> table = robot.lookup("#table").queryAs(TableView.class);
        assertThat(table.getItems()).extracting(SyncStateRow::id).isNotEmpty().containsExactlyElementsOf(expected);
        assertThat(table.getItems()).allSatisfy(row -> assertThat(row.lastError()).contains(error));
        console.assertNothingWentWrong();
    }

    @Test
    void anEmptyDatabaseOffersDemoDataAndFillsItInTheBackground(FxRobot robot) throws Exception {
        console.open(robot, TestConsoles.empty(dir));
        assertThat(robot.lookup("#demoCard").query().isVisible()).isTrue();

        robot.clickOn("#demoButton");
        console.settle();

        assertThat(console.context.workspace().demoData().isEmpty()).isFalse();
        assertThat(robot.lookup("#demoCard").query().isVisible()).isFalse();
        long total = console.context.workspace().syncStates().count(SyncStateFilter.all());
        assertThat(robot.lookup(".figure-label").queryAllAs(Label.class)).extracting(Label::getText)
                .contains(String.format(Locale.ROOT, "of %,d sync states in all", total));
        console.assertNothingWentWrong();
    }

    private static String figure(FxRobot robot, String id) {
        return robot.lookup("#figure-" + id).queryAs(Label.class).getText();
    }

    @Test
    void theChartsTextsReadInTheDarkTheme(FxRobot robot) throws Exception {
        console.open(robot, TestConsoles.withDemoData(dir, 600));
        robot.interact(() -> {
            Theme.DARK.apply();
            Theme.DARK.style(console.scene);
            console.scene.getRoot().applyCss();
        });
        WaitForAsyncUtils.waitForFxEvents();
        List<Label> legend = robot.lookup(".status-legend .legend-line").queryAllAs(Label.class).stream().toList();
        assertThat(legend).isNotEmpty().allSatisfy(line -> assertThat(((Color) line.getTextFill()).getBrightness()).isGreaterThan(0.6));
        List<Text> ticks = robot.lookup(".chart .axis .text").queryAllAs(Text.class).stream().filter(Node::isVisible).toList();
        assertThat(ticks).isNotEmpty().allSatisfy(tick -> assertThat(((Color) tick.getFill()).getBrightness()).isGreaterThan(0.5));
        robot.interact(() -> {
            Theme.LIGHT.apply();
            Theme.LIGHT.style(console.scene);
        });
    }
}
