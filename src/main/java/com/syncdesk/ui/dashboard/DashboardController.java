package com.syncdesk.ui.dashboard;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javafx.animation.PauseTransition;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.PieChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import com.syncdesk.app.Texts;
import com.syncdesk.history.DailyRuns;
import com.syncdesk.persistence.EnumValue;
import com.syncdesk.syncstate.SyncStatistics;
import com.syncdesk.syncstate.SyncStatus;
import com.syncdesk.ui.AppContext;
import com.syncdesk.ui.Fxml;
import com.syncdesk.ui.Page;

/** The dashboard: figure cards, breakdown charts, runs per day and the most frequent errors. */
public final class DashboardController implements Page {

    /** The badges' colours, so a slice reads like the status badge in the tables. */
    private static final Map<String, String> STATUS_COLOURS = Map.of("pending", "-color-neutral-emphasis",
            "in_progress", "-color-accent-emphasis", "completed", "-color-success-emphasis", "failed", "-color-danger-emphasis",
            "skipped", "-color-base-3");

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd", Locale.ROOT);

    @FXML
    private ScrollPane root;
    @FXML
    private Label loadedAt;
    @FXML
    private Button refreshButton;
    @FXML
    private Label notConnected;
    @FXML
    private VBox demoCard;
    @FXML
    private Button demoButton;
    @FXML
    private ProgressBar demoProgress;
    @FXML
    private Label demoMessage;
    @FXML
    private Button demoCancel;
    @FXML
    private VBox body;
    @FXML
    private TilePane figureCards;
    @FXML
    private PieChart statusChart;
    @FXML
    private VBox statusLegend;
    @FXML
    private BarChart<String, Number> typeChart;
    @FXML
    private LineChart<String, Number> runsChart;
    @FXML
    private VBox topErrors;
    @FXML
    private GridPane errorKinds;

    private DashboardViewModel model;

    public static DashboardController create(AppContext context) {
        DashboardController controller = Fxml.load("/com/syncdesk/ui/dashboard/dashboard.fxml");
        controller.init(context, new DashboardViewModel(context));
        return controller;
    }

    private void init(AppContext context, DashboardViewModel model) {
        this.model = model;
        model.setOnFailure(failure -> context.dialogs().failure("The dashboard could not be loaded", failure));
        refreshButton.disableProperty().bind(model.loadingProperty());
        demoButton.disableProperty().bind(model.generatingProperty());
        demoProgress.visibleProperty().bind(model.generatingProperty());
        demoCancel.visibleProperty().bind(model.generatingProperty());
        demoMessage.visibleProperty().bind(model.generatingProperty());
        demoProgress.progressProperty().bind(model.demoProgressProperty());
        demoMessage.textProperty().bind(model.demoMessageProperty());
        model.figuresProperty().addListener((obs, old, figures) -> show(figures));
        notConnected.textProperty().bind(model.availabilityProperty());
        loadedAt.textProperty().bind(model.loadedTextProperty());
        // A reload that changed nothing still shows that it ran: the line lights up for a moment.
        PauseTransition fade = new PauseTransition(Duration.seconds(2));
        fade.setOnFinished(e -> loadedAt.getStyleClass().remove("just-loaded"));
        model.loadedTextProperty().addListener((obs, old, text) -> {
            if (text.startsWith("Reloaded")) {
                loadedAt.getStyleClass().add("just-loaded");
                fade.playFromStart();
            }
        });
        show(null);
    }

    public DashboardViewModel model() {
        return model;
    }

    @Override
    public Node view() {
        return root;
    }

    @Override
    @FXML
    public void refresh() {
        model.refresh();
    }

    @FXML
    private void generateDemoData() {
        model.generateDemoData();
    }

    @FXML
    private void cancelDemoData() {
        model.cancelDemoData();
    }

    private void show(DashboardViewModel.Figures figures) {
        boolean loaded = figures != null;
        setShown(notConnected, !loaded);
        // An empty database has no figures worth showing: only the offer of demo data.
        setShown(body, loaded && !figures.empty());
        setShown(demoCard, loaded && figures.empty() || model.generatingProperty().get());
        if (!loaded) {
            return;
        }
        SyncStatistics stats = figures.statistics();
        figureCards.getChildren().setAll(DashboardViewModel.cards(stats).stream().map(DashboardController::figure).toList());
        showStatuses(stats.byStatus());
        showTypes(stats.byType());
        showRuns(figures.runsPerDay());
        showTopErrors(stats.topErrors());
        showErrorKinds(stats.errorsByKind());
    }

    private static void setShown(Node node, boolean shown) {
        node.setVisible(shown);
        node.setManaged(shown);
    }

    private static VBox figure(DashboardViewModel.Card card) {
        Label valueLabel = new Label(card.value());
        valueLabel.getStyleClass().add("figure-value");
        valueLabel.setId("figure-" + card.id());
        Label caption = new Label(card.label());
        caption.getStyleClass().add("figure-caption");
        Label hintLabel = new Label(card.hint());
        hintLabel.getStyleClass().add("figure-label");
        hintLabel.setWrapText(true);
        VBox box = new VBox(2, caption, valueLabel, hintLabel);
        box.getStyleClass().addAll("card", "figure-card");
        return box;
    }

    private void showStatuses(Map<String, Long> byStatus) {
        statusChart.getData().clear();
        statusLegend.getChildren().clear();
        long total = byStatus.values().stream().mapToLong(Long::longValue).sum();
        byStatus.forEach((status, n) -> {
            String words = EnumValue.parse(SyncStatus.class, status).words();
            PieChart.Data slice = new PieChart.Data(words + " (" + Texts.count(n) + ")", n);
            statusChart.getData().add(slice);
            String colour = STATUS_COLOURS.getOrDefault(status, "-color-fg-muted");
            // Inline, because the chart's own default-colorN classes outrank a stylesheet rule.
            slice.getNode().setStyle("-fx-pie-color: " + colour + ";");
            Tooltip.install(slice.getNode(), new Tooltip(words + ": " + Texts.count(n)));
            statusLegend.getChildren().add(legendLine(colour, DashboardViewModel.shareText(words, n, total)));
        });
    }

    private static Label legendLine(String colour, String text) {
        Region symbol = new Region();
        symbol.getStyleClass().add("legend-symbol");
        symbol.setStyle("-fx-background-color: " + colour + ";");
        Label line = new Label(text, symbol);
        line.getStyleClass().add("legend-line");
        line.setMinWidth(Label.USE_PREF_SIZE);
        return line;
    }

    /** Each bar's category names its count, so a bar too short to see next to the issues still reads. */
    private void showTypes(Map<String, Long> byType) {
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        series.setName("Sync states");
        byType.forEach((type, n) -> {
            XYChart.Data<String, Number> bar = new XYChart.Data<>(DashboardViewModel.typeCategory(type, n), n);
            series.getData().add(bar);
        });
        typeChart.getData().setAll(List.of(series));
        series.getData().forEach(bar -> Tooltip.install(bar.getNode(), new Tooltip(bar.getXValue())));
    }

    private void showRuns(List<DailyRuns> days) {
        XYChart.Series<String, Number> all = new XYChart.Series<>();
        all.setName("All runs");
        XYChart.Series<String, Number> failed = new XYChart.Series<>();
        failed.setName("Failed runs");
        for (DailyRuns day : days) {
            String label = DAY.format(day.day());
            all.getData().add(new XYChart.Data<>(label, day.runs()));
            failed.getData().add(new XYChart.Data<>(label, day.failed()));
        }
        runsChart.getData().setAll(List.of(all, failed));
    }

    private void showTopErrors(List<SyncStatistics.ErrorCount> errors) {
        topErrors.getChildren().clear();
        if (errors.isEmpty()) {
            topErrors.getChildren().add(new Label("No failed sync states."));
        }
        for (SyncStatistics.ErrorCount error : errors) {
            Label n = new Label(Texts.count(error.count()));
            n.getStyleClass().add("error-count");
            n.setMinWidth(Label.USE_PREF_SIZE);
            n.setPrefWidth(60);
            Hyperlink link = new Hyperlink(Texts.excerpt(error.message(), DashboardViewModel.ERROR_EXCERPT));
            link.getStyleClass().add("top-error");
            link.setWrapText(true);
            Tooltip whole = new Tooltip(Texts.excerpt(error.message(), 2_000) + "\n\nClick to show the failed sync states with this error.");
            whole.setWrapText(true);
            whole.setMaxWidth(640);
            link.setTooltip(whole);
            link.setOnAction(e -> model.showFailuresWith(error.message()));
            HBox.setHgrow(link, Priority.ALWAYS);
            topErrors.getChildren().add(new HBox(8, n, link));
        }
    }

    private void showErrorKinds(List<SyncStatistics.ErrorCount> kinds) {
        errorKinds.getChildren().clear();
        long most = kinds.stream().mapToLong(SyncStatistics.ErrorCount::count).max().orElse(1);
        int row = 0;
        for (SyncStatistics.ErrorCount kind : kinds) {
            ProgressBar bar = new ProgressBar((double) kind.count() / most);
            bar.setPrefWidth(160);
            bar.setMinWidth(40);
            bar.getStyleClass().add("error-kind-bar");
            // The kind and its count stay whole; the bar gives way in a narrow window.
            Label name = new Label(kind.message());
            name.setMinWidth(Label.USE_PREF_SIZE);
            Label count = new Label(Texts.count(kind.count()));
            count.setMinWidth(Label.USE_PREF_SIZE);
            errorKinds.addRow(row++, name, bar, count);
        }
        if (kinds.isEmpty()) {
            errorKinds.add(new Label("No failed sync states."), 0, 0);
        }
    }
}
