package com.syncdesk.planning;

import com.syncdesk.persistence.TimestampedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import org.hibernate.annotations.DynamicUpdate;

/** A JIRA issue (PROJ-123) planned into a sprint. */
@Entity
@Table(name = "issues")
@DynamicUpdate
public class Issue extends TimestampedEntity {

    @Column(name = "jira_issue_id", length = 100)
    private String jiraIssueId;

    @Column(name = "issue_key", nullable = false, length = 50)
    private String issueKey;

    @Column(name = "summary", nullable = false, length = 500)
    private String summary;

    @Column(name = "status", length = 50)
    private String status;

    @Column(name = "issue_type", length = 50)
    private String issueType;

    @Column(name = "priority", length = 20)
    private String priority;

    @Column(name = "assignee", length = 100)
    private String assignee;

    @Column(name = "story_points", precision = 6, scale = 2)
    private BigDecimal storyPoints;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "sprint_id")
    private Sprint sprint;

    @Column(name = "updated_at_remote")
    private Instant updatedAtRemote;

    public String getJiraIssueId() {
        return jiraIssueId;
    }

    public void setJiraIssueId(String jiraIssueId) {
        this.jiraIssueId = jiraIssueId;
    }

    public String getIssueKey() {
        return issueKey;
    }

    public void setIssueKey(String issueKey) {
        this.issueKey = issueKey;
    }

    public String getSummary() {
        return summary;
    }

    public void setSummary(String summary) {
        this.summary = summary;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getIssueType() {
        return issueType;
    }

    public void setIssueType(String issueType) {
        this.issueType = issueType;
    }

    public String getPriority() {
        return priority;
    }

    public void setPriority(String priority) {
        this.priority = priority;
    }

    public String getAssignee() {
        return assignee;
    }

    public void setAssignee(String assignee) {
        this.assignee = assignee;
    }

    public BigDecimal getStoryPoints() {
        return storyPoints;
    }

    public void setStoryPoints(BigDecimal storyPoints) {
        this.storyPoints = storyPoints;
    }

    public Sprint getSprint() {
        return sprint;
    }

    public void setSprint(Sprint sprint) {
        this.sprint = sprint;
    }

    public Instant getUpdatedAtRemote() {
        return updatedAtRemote;
    }

    public void setUpdatedAtRemote(Instant updatedAtRemote) {
        this.updatedAtRemote = updatedAtRemote;
    }
}
