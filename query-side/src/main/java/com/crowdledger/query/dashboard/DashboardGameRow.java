package com.crowdledger.query.dashboard;

import com.crowdledger.shared.Mode;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A game, counted. */
@Entity
@Table(name = "dashboard_games")
public class DashboardGameRow {
    @Id
    @Column(name = "game_id")
    private String id;
    @Column(name = "account_id")
    private String accountId;
    @Enumerated(EnumType.STRING)
    private Mode mode;

    protected DashboardGameRow() {
    }

    DashboardGameRow(String id, String accountId, Mode mode) {
        this.id = id;
        this.accountId = accountId;
        this.mode = mode;
    }
}
