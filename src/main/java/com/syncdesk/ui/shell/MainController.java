package com.syncdesk.ui.shell;

import java.net.URI;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.stage.Window;
import javafx.util.Duration;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import org.controlsfx.control.Notifications;
import org.kordamp.ikonli.javafx.FontIcon;

import com.syncdesk.app.BuildInfo;
import com.syncdesk.app.DatabaseSession;
import com.syncdesk.app.JiraLinks;
import com.syncdesk.persistence.AppDirectories;
import com.syncdesk.persistence.ConnectionTarget;
import com.syncdesk.ui.AppContext;
import com.syncdesk.ui.Page;
import com.syncdesk.ui.PageId;
import com.syncdesk.ui.Settings;
import com.syncdesk.ui.Theme;
import com.syncdesk.ui.conflicts.ConflictDialog;
import com.syncdesk.ui.sync.JiraConnectionDialog;

/** The main window: navigation, pages, menus, the schema banner and the status bar. */
public final class MainController {

    @FXML
    private BorderPane root;
    @FXML
    private VBox navigation;
    @FXML
    private StackPane content;
    @FXML
    private Menu recentMenu;
    @FXML
    private Menu viewMenu;
    @FXML
    private CheckMenuItem darkThemeItem;
    @FXML
    private HBox banner;
    @FXML
    private Label bannerText;
    @FXML
    private Button bannerAction;
    @FXML
    private Label connectionLabel;
    @FXML
    private Label schemaLabel;
    @FXML
    private ProgressIndicator busy;
    @FXML
    private Label taskLabel;

    private AppContext context;
    private MainViewModel model;
    private final Map<PageId, Page> pages = new EnumMap<>(PageId.class);
    private final Map<PageId, ToggleButton> navButtons = new EnumMap<>(PageId.class);
    private final ToggleGroup navGroup = new ToggleGroup();
    private PageId current;
    private Consumer<Settings.RecentConnection> connectionDialog = recent -> { };
    private ConflictDialog conflictDialog;

    public void init(AppContext context) {
        this.context = context;
        this.model = new MainViewModel(context);
        connectionLabel.textProperty().bind(context.connectionLabelProperty());
        schemaLabel.textProperty().bind(model.schemaTextProperty());
        bannerText.textProperty().bind(model.bannerTextProperty());
        banner.visibleProperty().bind(model.bannerProperty().isNotEqualTo(MainViewModel.BannerKind.NONE));
        banner.managedProperty().bind(banner.visibleProperty());
        bannerAction.textProperty().bind(model.bannerProperty().map(MainViewModel.BannerKind::action));
        bannerAction.disableProperty().bind(model.upgradingProperty());
        model.bannerProperty().addListener((obs, old, kind) -> {
            banner.getStyleClass().remove("danger");
            if (kind == MainViewModel.BannerKind.NEWER) {
                banner.getStyleClass().add("danger");
            }
        });
        busy.visibleProperty().bind(model.busyProperty());
        taskLabel.textProperty().bind(context.tasks().messageProperty());
        darkThemeItem.setSelected(Theme.of(context.settings().theme) == Theme.DARK);

        viewMenu.getItems().addFirst(new SeparatorMenuItem());
        for (PageId id : PageId.values()) {
            ToggleButton button = new ToggleButton(id.title(), new FontIcon(id.icon()));
            button.getStyleClass().add("nav-button");
            button.setId("nav-" + id.name().toLowerCase().replace('_', '-'));
            button.setToggleGroup(navGroup);
            button.setTooltip(new Tooltip(id.title() + " (" + KeyCombination.valueOf(id.shortcut()).getDisplayText() + ")"));
            button.setOnAction(e -> show(id, null));
            navButtons.put(id, button);
            navigation.getChildren().add(button);
            MenuItem item = new MenuItem(id.title());
            item.setAccelerator(KeyCombination.valueOf(id.shortcut()));
            item.setOnAction(e -> show(id, null));
            viewMenu.getItems().add(viewMenu.getItems().size() - 4, item);
        }
        // Keep a selected page selected: clicking it again must not leave the navigation empty.
        navGroup.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null && old != null) {
                old.setSelected(true);
            }
        });
        context.onNavigate(navigation -> show(navigation.page(), navigation.argument()));
        context.onOpenConflict(this::openConflict);
        context.onOpenJiraConnection(this::jiraConnection);
        context.onNotify(this::notice);
        // The Sync page lives from the start: its schedule runs and its badge counts while other pages are shown.
        showBadge(PageId.SYNC, page(PageId.SYNC));
        context.workspaceProperty().addListener((obs, old, now) -> {
            if (current != null) {
                pages.get(current).refresh();
            }
        });
        updateRecentMenu();
        show(PageId.DASHBOARD, null);
    }

    /** The connection dialog, provided by the connection feature; it is given a recent connection to prefill, or null. */
    public void setConnectionDialog(Consumer<Settings.RecentConnection> connectionDialog) {
        this.connectionDialog = connectionDialog;
    }

    public void show(PageId id, Object argument) {
        Page page = page(id);
        current = id;
        navButtons.get(id).setSelected(true);
        content.getChildren().setAll(page.view());
        page.show(argument);
    }

    /** The page's count beside its name in the sidebar, hidden at zero. */
    private void showBadge(PageId id, Page page) {
        ObservableValue<Number> count = page.badge();
        if (count == null) {
            return;
        }
        Label badge = new Label();
        badge.getStyleClass().add("nav-badge");
        badge.setId("badge-" + id.name().toLowerCase().replace('_', '-'));
        badge.textProperty().bind(count.map(n -> n.longValue() > 999 ? "999+" : String.valueOf(n.longValue())));
        badge.visibleProperty().bind(count.map(n -> n.longValue() > 0));
        ToggleButton button = navButtons.get(id);
        HBox graphic = new HBox(6, button.getGraphic(), new Label(id.title()), badge);
        graphic.setAlignment(Pos.CENTER_LEFT);
        button.setText(null);
        button.setGraphic(graphic);
        button.getTooltip().textProperty().bind(count.map(n -> id.title() + " (" + KeyCombination.valueOf(id.shortcut()).getDisplayText() + ")"
                + (n.longValue() > 0 ? ": " + n + " need a human" : "")));
    }

    /** A notification in the window's corner that leaves the focus where it is. */
    private void notice(AppContext.Notice notice) {
        Window owner = context.windowProperty().get();
        if (owner == null || !owner.isShowing()) {
            return;
        }
        Notifications.create().owner(owner).title(notice.title()).text(notice.text()).position(Pos.BOTTOM_RIGHT)
                .hideAfter(Duration.seconds(12)).showWarning();
        // ControlsFX paints the bar with Modena's colours, which AtlantaFX does not define (it came out transparent): paint it in the theme's.
        boolean dark = Theme.of(context.settings().theme) == Theme.DARK;
        Window.getWindows().stream().filter(w -> w != owner && w.getScene() != null).forEach(w -> {
            w.getScene().getRoot().lookupAll(".notification-bar > .pane").forEach(pane -> pane.setStyle(dark
                    ? "-fx-background-color: #30363d, #161b22; -fx-background-insets: 0, 1; -fx-background-radius: 6;"
                    : "-fx-background-color: #d0d7de, #ffffff; -fx-background-insets: 0, 1; -fx-background-radius: 6;"));
            w.getScene().getRoot().lookupAll(".notification-bar .label").forEach(label -> label.setStyle(dark ? "-fx-text-fill: #e6edf3;"
                    : "-fx-text-fill: #1f2328;"));
        });
    }

    /** One conflict dialog at a time, over whichever page asked: it is modal to the console. */
    private void openConflict(AppContext.ConflictRequest request) {
        if (context.workspace() == null) {
            return;
        }
        if (conflictDialog != null && conflictDialog.stage().isShowing()) {
            conflictDialog.stage().toFront();
            return;
        }
        conflictDialog = ConflictDialog.open(context.windowProperty().get(), Theme.of(context.settings().theme), context.tasks(),
                context.workspace().conflicts(), context.operator(), context.jiraLinks(), context::browse, request.stateId(), request.onResolved());
    }

    public PageId currentPage() {
        return current;
    }

    /** The page shown for {@code id}, created on first use. */
    public Page page(PageId id) {
        return pages.computeIfAbsent(id, key -> Pages.create(key, context));
    }

    public BorderPane root() {
        return root;
    }

    @FXML
    private void bannerAction() {
        switch (model.bannerProperty().get()) {
            case NEWER -> connect();
            case ADOPT -> show(PageId.MIGRATIONS, null);
            default -> model.upgrade();
        }
    }

    @FXML
    private void connect() {
        connectionDialog.accept(null);
    }

    @FXML
    private void openDefault() {
        open(DatabaseSession.defaultTarget());
    }

    public void open(ConnectionTarget target) {
        context.connect(target, this::updateRecentMenu, failure -> context.dialogs().failure("Cannot open " + target.describe(), failure));
    }

    private void updateRecentMenu() {
        recentMenu.getItems().clear();
        for (Settings.RecentConnection recent : context.settings().recentConnections) {
            MenuItem item = new MenuItem(recent.label());
            if ("sqlite".equals(recent.kind())) {
                item.setOnAction(e -> open(ConnectionTarget.sqlite(Path.of(recent.sqlitePath()))));
            } else {
                // A password is never remembered: the dialog asks for it.
                item.setOnAction(e -> connectionDialog.accept(recent));
            }
            recentMenu.getItems().add(item);
        }
        recentMenu.setDisable(recentMenu.getItems().isEmpty());
    }

    @FXML
    private void refresh() {
        if (current != null) {
            pages.get(current).refresh();
        }
    }

    @FXML
    private void find() {
        if (current != null) {
            pages.get(current).focusSearch();
        }
    }

    @FXML
    private void toggleTheme() {
        Theme theme = darkThemeItem.isSelected() ? Theme.DARK : Theme.LIGHT;
        theme.apply();
        theme.style(root.getScene());
        context.settings().theme = theme.id();
        context.settings().save();
    }

    /** The database's JIRA connection, tested and saved as {@code syncdesk jira connect} does. */
    @FXML
    private void jiraConnection() {
        if (context.workspace() == null) {
            context.dialogs().info("JIRA connection", "Open a database at the latest schema first: the JIRA connection is kept in it.");
            return;
        }
        JiraConnectionDialog.show(context, context.windowProperty().get(), kept -> context.jiraConnectionSaved());
    }

    /** Where "Open in JIRA" leads; an empty address forgets it. */
    @FXML
    private void jiraSite() {
        TextInputDialog dialog = new TextInputDialog(context.settings().jiraBaseUrl == null ? "" : context.settings().jiraBaseUrl);
        dialog.initOwner(root.getScene().getWindow());
        dialog.setTitle("SyncDesk");
        URI stored = context.storedJiraSite();
        dialog.setHeaderText(stored == null ? "The JIRA site \"Open in JIRA\" leads to, for databases without a JIRA connection"
                : "This database's JIRA connection leads \"Open in JIRA\" to " + stored + ".\nThe site below serves databases without one.");
        dialog.setContentText("Address:");
        dialog.getEditor().setPromptText("https://your-site.atlassian.net");
        dialog.getEditor().setPrefColumnCount(32);
        dialog.getDialogPane().setId("jira-site-dialog");
        dialog.setOnHidden(event -> {
            String typed = dialog.getResult();
            if (typed == null) {
                return;
            }
            try {
                context.setJiraSite(typed.isBlank() ? null : JiraLinks.parseSite(typed));
            } catch (IllegalArgumentException wrong) {
                context.dialogs().failure("The JIRA site was not changed", wrong);
            }
        });
        dialog.show();
    }

    @FXML
    private void about() {
        context.dialogs().info("About SyncDesk", BuildInfo.nameAndVersion() + " — the console for the sync between the sprint-planning database and JIRA.\n"
                + BuildInfo.runtime() + "\n"
                + "Data directory: " + AppDirectories.dataDirectory());
    }

    @FXML
    private void quit() {
        if (context.canClose()) {
            Platform.exit();
        }
    }
}
