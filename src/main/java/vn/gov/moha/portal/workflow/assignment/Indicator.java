package vn.gov.moha.portal.workflow.assignment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import vn.gov.moha.portal.common.BaseEntity;

/** A measurable indicator of an assignment, e.g. "số biên chế tinh giản", with its target. */
@Entity
@Table(name = "indicator")
public class Indicator extends BaseEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "assignment_id")
    private Assignment assignment;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false)
    private String name;

    @Column(name = "unit_of_measure", nullable = false, length = 50)
    private String unitOfMeasure;

    @Column(nullable = false, precision = 18, scale = 2)
    private BigDecimal target;

    protected Indicator() {}

    Indicator(Assignment assignment, int position, String name, String unitOfMeasure, BigDecimal target) {
        this.assignment = assignment;
        this.position = position;
        this.name = name;
        this.unitOfMeasure = unitOfMeasure;
        this.target = target;
    }

    public String getName() {
        return name;
    }

    public String getUnitOfMeasure() {
        return unitOfMeasure;
    }

    public BigDecimal getTarget() {
        return target;
    }
}
