package com.syncdesk.planning;

import com.syncdesk.persistence.EnumValue;
import com.syncdesk.persistence.TimestampedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.DynamicUpdate;

/** A JIRA board (scrum, kanban or simple) of a project. */
@Entity
@Table(name = "boards")
@DynamicUpdate
public class Board extends TimestampedEntity {

    @Column(name = "jira_board_id", nullable = false)
    private Integer jiraBoardId;

    @Column(name = "name", nullable = false, length = 200)
    private String name;

    @Convert(converter = BoardType.Converter.class)
    @Column(name = "board_type", nullable = false, length = 20)
    private EnumValue<BoardType> boardType;

    @Column(name = "project_key", length = 50)
    private String projectKey;

    public Integer getJiraBoardId() {
        return jiraBoardId;
    }

    public void setJiraBoardId(Integer jiraBoardId) {
        this.jiraBoardId = jiraBoardId;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public EnumValue<BoardType> getBoardType() {
        return boardType;
    }

    public void setBoardType(BoardType boardType) {
        this.boardType = boardType == null ? null : EnumValue.of(boardType);
    }

    public String getProjectKey() {
        return projectKey;
    }

    public void setProjectKey(String projectKey) {
        this.projectKey = projectKey;
    }
}
