"""The core's tables: people, units, accounts, mechanism switches and the audit log."""

from portal.ledger.models import LedgerEntry, RuleSettingVersion
from portal.ledger.models import LedgerMonth as LedgerMonth
from portal.ledger.models import LedgerYear as LedgerYear
from portal.mail.models import MailMessage as MailMessage
from portal.models.account import Account, RoleGrant
from portal.models.api_token import ApiToken as ApiToken
from portal.models.assessment import AssessmentResult as AssessmentResult
from portal.models.assessment import SkpRating as SkpRating
from portal.models.audit import AuditLog
from portal.models.certificate import Certificate as Certificate
from portal.models.employee import Employee, EmployeeGap
from portal.models.form_submission import FormSubmission as FormSubmission
from portal.models.mechanism import UnitMechanism
from portal.models.notification import Notification as Notification
from portal.models.plan import DevelopmentPlan as DevelopmentPlan
from portal.models.task_job import TaskJob as TaskJob
from portal.models.unit import Unit
from portal.models.upload import StoredFile

__all__ = ["Account", "AuditLog", "Employee", "EmployeeGap", "RoleGrant", "Unit", "UnitMechanism",
           "LedgerEntry", "RuleSettingVersion", "StoredFile"]
