package com.syncdesk.ui.sync;

import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;

import com.syncdesk.jira.JiraDeployment;
import com.syncdesk.jira.TokenLocation;
import com.syncdesk.syncstate.ResolutionStrategy;
import com.syncdesk.ui.AppContext;
import com.syncdesk.ui.DialogSizing;
import com.syncdesk.ui.Fxml;
import com.syncdesk.ui.Theme;

/** File › JIRA connection…: the database's JIRA site, tested before it is saved. Binds to {@link JiraConnectionViewModel}. */
public final class JiraConnectionDialog {

    public static final ButtonType SAVE = new ButtonType("Save connection", ButtonBar.ButtonData.OK_DONE);

    @FXML
    private VBox root;
    @FXML
    private TextField siteUrl;
    @FXML
    private ToggleGroup deploymentGroup;
    @FXML
    private RadioButton cloudChoice;
    @FXML
    private RadioButton dataCenterChoice;
    @FXML
    private Label userLabel;
    @FXML
    private TextField user;
    @FXML
    private Label tokenLabel;
    @FXML
    private PasswordField token;
    @FXML
    private Label tokenHome;
    @FXML
    private TextField projects;
    @FXML
    private ListView<JiraConnectionViewModel.BoardChoice> boards;
    @FXML
    private ComboBox<ResolutionStrategy> strategy;
    @FXML
    private Spinner<Integer> everyMinutes;
    @FXML
    private Spinner<Integer> parkAfter;
    @FXML
    private CheckBox backlog;
    @FXML
    private Button testButton;
    @FXML
    private ProgressIndicator testing;
    @FXML
    private Label result;

    private JiraConnectionViewModel model;
    private Dialog<ButtonType> dialog;

    /** Shows the dialog over {@code owner}, filled from the stored connection; {@code onSaved} runs once a connection is saved. */
    public static JiraConnectionDialog show(AppContext context, Window owner, Consumer<TokenLocation> onSaved) {
        JiraConnectionDialog controller = Fxml.load("/com/syncdesk/ui/sync/jira-connection.fxml");
        JiraConnectionViewModel model = new JiraConnectionViewModel(context);
        controller.init(model, owner, onSaved);
        model.load();
        controller.dialog.show();
        // The dialog has a scene of its own: give it the console's stylesheet, for the result's colours and the theme.
        Theme.of(context.settings().theme).style(controller.dialog.getDialogPane().getScene());
        return controller;
    }

    private void init(JiraConnectionViewModel model, Window owner, Consumer<TokenLocation> onSaved) {
        this.model = model;
        siteUrl.textProperty().bindBidirectional(model.siteUrlProperty());
        cloudChoice.setUserData(JiraDeployment.CLOUD);
        dataCenterChoice.setUserData(JiraDeployment.DATA_CENTER);
        deploymentGroup.selectToggle(model.deploymentProperty().get() == JiraDeployment.CLOUD ? cloudChoice : dataCenterChoice);
        model.deploymentProperty().addListener((obs, old, now) -> deploymentGroup.selectToggle(now == JiraDeployment.CLOUD ? cloudChoice : dataCenterChoice));
        deploymentGroup.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.deploymentProperty().set((JiraDeployment) now.getUserData());
            }
        });
        userLabel.textProperty().bind(model.deploymentProperty().map(d -> d == JiraDeployment.CLOUD ? "E-mail" : "User"));
        tokenLabel.textProperty().bind(model.deploymentProperty().map(d -> d == JiraDeployment.CLOUD ? "API token" : "Access token"));
        user.promptTextProperty().bind(model.deploymentProperty().map(d -> d == JiraDeployment.CLOUD ? "the account's e-mail, e.g. ops@example.com"
                : "optional with a personal access token"));
        user.textProperty().bindBidirectional(model.userProperty());
        token.textProperty().bindBidirectional(model.tokenProperty());
        tokenHome.textProperty().bind(model.tokenHomeProperty());
        projects.textProperty().bindBidirectional(model.projectsProperty());
        boards.setItems(model.boards());
        boards.setCellFactory(CheckBoxListCell.forListView(JiraConnectionViewModel.BoardChoice::chosenProperty));
        strategy.getItems().setAll(JiraConnectionViewModel.STRATEGIES);
        strategy.setConverter(new StringConverter<>() {
            @Override
            public String toString(ResolutionStrategy value) {
                return value == null ? "" : JiraConnectionViewModel.words(value);
            }

            @Override
            public ResolutionStrategy fromString(String text) {
                throw new UnsupportedOperationException("not editable");
            }
        });
        strategy.valueProperty().bindBidirectional(model.strategyProperty());
        everyMinutes.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 24 * 60, model.everyMinutesProperty().get()));
        everyMinutes.getValueFactory().valueProperty().bindBidirectional(model.everyMinutesProperty());
        parkAfter.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 100, model.parkAfterProperty().get()));
        parkAfter.getValueFactory().valueProperty().bindBidirectional(model.parkAfterProperty());
        backlog.selectedProperty().bindBidirectional(model.backlogProperty());
        testing.visibleProperty().bind(model.busyProperty());
        testButton.disableProperty().bind(model.busyProperty());
        result.textProperty().bind(model.resultProperty());
        model.outcomeProperty().addListener((obs, old, outcome) -> {
            result.getStyleClass().removeAll("success", "failure");
            if (outcome == JiraConnectionViewModel.Outcome.SUCCEEDED) {
                result.getStyleClass().add("success");
            } else if (outcome == JiraConnectionViewModel.Outcome.FAILED) {
                result.getStyleClass().add("failure");
            }
        });
        // A report of several lines grows the dialog instead of being cut.
        result.textProperty().addListener((obs, old, now) -> Platform.runLater(() -> {
            if (dialog.getDialogPane().getScene() != null) {
                dialog.getDialogPane().getScene().getWindow().sizeToScene();
            }
        }));

        dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("JIRA connection");
        dialog.setResizable(true);
        dialog.setHeaderText("Which JIRA site does this database sync with?");
        dialog.getDialogPane().setContent(root);
        dialog.getDialogPane().getButtonTypes().setAll(SAVE, ButtonType.CANCEL);
        dialog.getDialogPane().setId("jira-connection-dialog");
        DialogSizing.fitToScreen(dialog);
        Button save = (Button) dialog.getDialogPane().lookupButton(SAVE);
        save.setId("save-jira-connection");
        save.disableProperty().bind(model.busyProperty());
        // Saving tests first; the dialog closes only once JIRA accepted and the connection is stored.
        save.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            model.save(kept -> {
                dialog.close();
                onSaved.accept(kept);
            });
        });
    }

    public JiraConnectionViewModel model() {
        return model;
    }

    public Dialog<ButtonType> dialog() {
        return dialog;
    }

    @FXML
    private void testConnection() {
        model.testConnection();
    }
}
