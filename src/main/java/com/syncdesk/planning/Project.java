package com.syncdesk.planning;

import com.syncdesk.persistence.TimestampedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.DynamicUpdate;

/** A JIRA project as the local planning database knows it. */
@Entity
@Table(name = "projects")
@DynamicUpdate
public class Project extends TimestampedEntity {

    @Column(name = "jira_project_id", length = 100)
    private String jiraProjectId;

    @Column(name = "project_key", nullable = false, length = 50)
    private String projectKey;

    @Column(name = "name", nullable = false, length = 200)
    private String name;

    @Column(name = "project_type", length = 50)
    private String projectType;

    public String getJiraProjectId() {
        return jiraProjectId;
    }

    public void setJiraProjectId(String jiraProjectId) {
        this.jiraProjectId = jiraProjectId;
    }

    public String getProjectKey() {
        return projectKey;
    }

    public void setProjectKey(String projectKey) {
        this.projectKey = projectKey;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getProjectType() {
        return projectType;
    }

    public void setProjectType(String projectType) {
        this.projectType = projectType;
    }
}
