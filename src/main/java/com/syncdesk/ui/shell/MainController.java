package com.syncdesk.ui.shell;

import java.util.EnumMap;
import java.util.Map;

import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.javafx.FontIcon;

import com.syncdesk.migration.MigrationProgress;
import com.syncdesk.migration.MigrationService;
import com.syncdesk.persistence.ConnectionTarget;
import com.syncdesk.ui.AppContext;
import com.syncdesk.ui.ErrorDialogs;
import com.syncdesk.ui.Settings;
import com.syncdesk.ui.Theme;

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
    private java.util.function.Consumer<Settings.RecentConnection> connectionDialog = recent -> { };

    public void init(AppContext context) {
        this.context = context;
        this.model = new MainViewModel(context);
        connectionLabel.textProperty().bind(context.connectionLabelProperty());
        schemaLabel.textProperty().bind(model.schemaTextProperty());
        bannerText.textProperty().bind(model.bannerTextProperty());
        banner.visibleProperty().bind(model.bannerVisibleProperty());
        banner.managedProperty().bind(model.bannerVisibleProperty());
        model.bannerVisibleProperty().addListener((obs, old, visible) -> updateBannerAction());
        context.schemaProperty().addListener((obs, old, status) -> updateBannerAction());
        busy.visibleProperty().bind(model.busyProperty());
        taskLabel.textProperty().bind(context.tasks().messageProperty());
        darkThemeItem.setSelected(Theme.of(context.settings().theme) == Theme.DARK);

        viewMenu.getItems().addFirst(new javafx.scene.control.SeparatorMenuItem());
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
        context.workspaceProperty().addListener((obs, old, now) -> {
            if (current != null) {
                pages.get(current).refresh();
            }
        });
        updateRecentMenu();
        show(PageId.DASHBOARD, null);
    }

    /** The connection dialog, provided by the connection feature; it is given a recent connection to prefill, or null. */
    public void setConnectionDialog(java.util.function.Consumer<Settings.RecentConnection> connectionDialog) {
        this.connectionDialog = connectionDialog;
    }

    public void show(PageId id, Object argument) {
        Page page = pages.computeIfAbsent(id, key -> Pages.create(key, context));
        current = id;
        navButtons.get(id).setSelected(true);
        content.getChildren().setAll(page.view());
        page.show(argument);
    }

    public PageId currentPage() {
        return current;
    }

    private void updateBannerAction() {
        switch (model.banner()) {
            case UPGRADE -> {
                bannerAction.setText("Upgrade now");
                bannerAction.setVisible(true);
                banner.getStyleClass().remove("danger");
            }
            case NEWER -> {
                bannerAction.setText("Connect to another database…");
                bannerAction.setVisible(true);
                if (!banner.getStyleClass().contains("danger")) {
                    banner.getStyleClass().add("danger");
                }
            }
            case NONE -> bannerAction.setVisible(false);
        }
    }

    @FXML
    private void bannerAction() {
        if (model.banner() == MainViewModel.BannerKind.NEWER) {
            connect();
            return;
        }
        bannerAction.setDisable(true);
        var database = context.databaseProperty().get();
        context.tasks().run("Upgrading the schema",
                () -> new MigrationService(database, context.operator()).upgrade(null, MigrationProgress.NONE),
                status -> {
                    bannerAction.setDisable(false);
                    context.schemaChanged(status);
                },
                failure -> {
                    bannerAction.setDisable(false);
                    ErrorDialogs.show(root.getScene().getWindow(), "The upgrade did not complete", failure);
                });
    }

    @FXML
    private void connect() {
        connectionDialog.accept(null);
    }

    @FXML
    private void openDefault() {
        open(AppContext.defaultTarget());
    }

    public void open(ConnectionTarget target) {
        context.connect(target, this::updateRecentMenu,
                failure -> ErrorDialogs.show(root.getScene().getWindow(), "Cannot open " + target.describe(), failure));
    }

    private void updateRecentMenu() {
        recentMenu.getItems().clear();
        for (Settings.RecentConnection recent : context.settings().recentConnections) {
            MenuItem item = new MenuItem(recent.label());
            if ("sqlite".equals(recent.kind())) {
                item.setOnAction(e -> open(ConnectionTarget.sqlite(java.nio.file.Path.of(recent.sqlitePath()))));
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

    @FXML
    private void about() {
        Alert about = new Alert(Alert.AlertType.INFORMATION, "SyncDesk 0.1 — the console for the sync between the sprint-planning "
                + "database and JIRA.\nData directory: " + com.syncdesk.persistence.AppDirectories.dataDirectory());
        about.initOwner(root.getScene().getWindow());
        about.setHeaderText("SyncDesk");
        about.showAndWait();
    }

    @FXML
    private void quit() {
        if (context.canClose()) {
            Platform.exit();
        }
    }
}
