"""Every table of the station database. Importing this package registers them all on Base.metadata."""

from ytcs_desktop.store.models.accounts import LocalAccount
from ytcs_desktop.store.models.audit import AuditEntry, AuditPerson
from ytcs_desktop.store.models.coldchain import Fridge, Quarantine, TemperatureReading
from ytcs_desktop.store.models.inventory import (
    ClosedPeriod,
    Item,
    Lot,
    PackUnit,
    Requisition,
    RequisitionLine,
    ShipmentLine,
    StockCount,
    StockCountLine,
    StockLevel,
    StockTransaction,
    VialOpening,
)
from ytcs_desktop.store.models.local import (
    LotCarriedBalance,
    Setting,
    SyncCapturePause,
    SyncConflict,
    SyncMeta,
    SyncOutbox,
)
from ytcs_desktop.store.models.org import Centre, Department, Staff, Station
from ytcs_desktop.store.models.outreach import StationTechnique, TechniqueStep, VillageHealthWorker, VisitCase
from ytcs_desktop.store.models.programme import (
    ActivityRating,
    ConsultationCase,
    ConsultationSession,
    PlanActivity,
    PlanIndicator,
    RolledOutDocument,
    SupportPlan,
    TrainingPlanItem,
    TrainingPlanSession,
)
from ytcs_desktop.store.models.referrals import Referral
from ytcs_desktop.store.models.reporting import ReportKind, ReportSubmission
from ytcs_desktop.store.models.supervision import (
    SupervisionFinding,
    SupervisionItem,
    SupervisionScore,
    SupervisionVisit,
)
from ytcs_desktop.store.models.support import RequestComment, RequestTransition, RotationVisit, SupportRequest
from ytcs_desktop.store.models.training import TrainingAttendance, TrainingSession

__all__ = [
    "ActivityRating",
    "AuditEntry",
    "AuditPerson",
    "Centre",
    "ClosedPeriod",
    "ConsultationCase",
    "ConsultationSession",
    "Department",
    "Fridge",
    "Item",
    "LocalAccount",
    "Lot",
    "LotCarriedBalance",
    "PackUnit",
    "PlanActivity",
    "PlanIndicator",
    "Quarantine",
    "Referral",
    "ReportKind",
    "ReportSubmission",
    "RequestComment",
    "RequestTransition",
    "Requisition",
    "RequisitionLine",
    "RolledOutDocument",
    "RotationVisit",
    "Setting",
    "ShipmentLine",
    "Staff",
    "Station",
    "StationTechnique",
    "StockCount",
    "StockCountLine",
    "StockLevel",
    "StockTransaction",
    "SupervisionFinding",
    "SupervisionItem",
    "SupervisionScore",
    "SupervisionVisit",
    "SupportPlan",
    "SupportRequest",
    "SyncCapturePause",
    "SyncConflict",
    "SyncMeta",
    "SyncOutbox",
    "TechniqueStep",
    "TemperatureReading",
    "TrainingAttendance",
    "TrainingPlanItem",
    "TrainingPlanSession",
    "TrainingSession",
    "VialOpening",
    "VillageHealthWorker",
    "VisitCase",
]
