package com.syncdesk.planning;

import com.syncdesk.persistence.EnumValue;
import com.syncdesk.persistence.TimestampedEntity;
import com.syncdesk.syncstate.SyncStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A sprint of a board, with the JIRA metadata migration 8 added. */
@Entity
@Table(name = "sprints")
@DynamicUpdate
public class Sprint extends TimestampedEntity {

    @Column(name = "jira_sprint_id", nullable = false)
    private Integer jiraSprintId;

    @Column(name = "name", nullable = false, length = 200)
    private String name;

    @Convert(converter = SprintState.Converter.class)
    @Column(name = "state", nullable = false, length = 20)
    private EnumValue<SprintState> state;

    @Column(name = "start_date")
    private Instant startDate;

    @Column(name = "end_date")
    private Instant endDate;

    @Column(name = "complete_date")
    private Instant completeDate;

    @Column(name = "goal", columnDefinition = "text")
    private String goal;

    @Column(name = "board_id")
    private Integer boardId;

    @Column(name = "origin_board_id")
    private Integer originBoardId;

    @Column(name = "jira_last_updated")
    private Instant jiraLastUpdated;

    @Convert(converter = SyncStatus.Converter.class)
    @Column(name = "sync_status", length = 20)
    private EnumValue<SyncStatus> syncStatus;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "sync_conflicts")
    private String syncConflicts;

    @Column(name = "jira_board_name", length = 200)
    private String jiraBoardName;

    @Column(name = "jira_project_key", length = 50)
    private String jiraProjectKey;

    @Column(name = "jira_version", length = 20)
    private String jiraVersion;

    public Integer getJiraSprintId() {
        return jiraSprintId;
    }

    public void setJiraSprintId(Integer jiraSprintId) {
        this.jiraSprintId = jiraSprintId;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public EnumValue<SprintState> getState() {
        return state;
    }

    public void setState(SprintState state) {
        this.state = state == null ? null : EnumValue.of(state);
    }

    public Instant getStartDate() {
        return startDate;
    }

    public void setStartDate(Instant startDate) {
        this.startDate = startDate;
    }

    public Instant getEndDate() {
        return endDate;
    }

    public void setEndDate(Instant endDate) {
        this.endDate = endDate;
    }

    public Instant getCompleteDate() {
        return completeDate;
    }

    public void setCompleteDate(Instant completeDate) {
        this.completeDate = completeDate;
    }

    public String getGoal() {
        return goal;
    }

    public void setGoal(String goal) {
        this.goal = goal;
    }

    public Integer getBoardId() {
        return boardId;
    }

    public void setBoardId(Integer boardId) {
        this.boardId = boardId;
    }

    public Integer getOriginBoardId() {
        return originBoardId;
    }

    public void setOriginBoardId(Integer originBoardId) {
        this.originBoardId = originBoardId;
    }

    public Instant getJiraLastUpdated() {
        return jiraLastUpdated;
    }

    public void setJiraLastUpdated(Instant jiraLastUpdated) {
        this.jiraLastUpdated = jiraLastUpdated;
    }

    public EnumValue<SyncStatus> getSyncStatus() {
        return syncStatus;
    }

    public void setSyncStatus(SyncStatus syncStatus) {
        this.syncStatus = syncStatus == null ? null : EnumValue.of(syncStatus);
    }

    /** Raw JSON text as stored. */
    public String getSyncConflicts() {
        return syncConflicts;
    }

    public void setSyncConflicts(String syncConflicts) {
        this.syncConflicts = syncConflicts;
    }

    public String getJiraBoardName() {
        return jiraBoardName;
    }

    public void setJiraBoardName(String jiraBoardName) {
        this.jiraBoardName = jiraBoardName;
    }

    public String getJiraProjectKey() {
        return jiraProjectKey;
    }

    public void setJiraProjectKey(String jiraProjectKey) {
        this.jiraProjectKey = jiraProjectKey;
    }

    public String getJiraVersion() {
        return jiraVersion;
    }

    public void setJiraVersion(String jiraVersion) {
        this.jiraVersion = jiraVersion;
    }
}
