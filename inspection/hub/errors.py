"""What can go wrong with the hub, in words a person can act on; and how PostgreSQL's errors
(including the ``hub.…`` codes the hub's own functions raise) become them."""
from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING

from checklists.errors import Message, UserError, messages

if TYPE_CHECKING:
    import psycopg

MESSAGES = messages({
    # libpq's own words (English, technical) are the error's details, not its message: logged,
    # and shown as a dialog's details (HubError.details).
    "hub.unreachable": ("无法连接中心服务器 {hub}：请检查网络连接，以及中心服务器地址是否正确（工具 → 中心服务器…）",
                        "Cannot reach the hub {hub}: check the network connection and the hub's"
                        " address (Tools → Hub…)"),
    "hub.bad_password": ("中心服务器拒绝了用户 {user} 的密码：请检查用户名和密码",
                         "The hub refused the password of user {user}: check the user name and password"),
    "hub.no_password": ("连接中心服务器 {hub} 需要密码：请在“工具 → 中心服务器…”中输入，或运行 hub connect",
                        "The hub {hub} needs a password: enter it in Tools → Hub…, or run hub connect"),
    "hub.no_password_address": ("连接中心服务器 {hub} 需要密码：用 --hub-password-file 指定含密码的文件，"
                                "或设置环境变量 PGPASSWORD，或写入 ~/.pgpass",
                                "The hub {hub} needs a password: name a file holding it with"
                                " --hub-password-file, or set PGPASSWORD, or put it in ~/.pgpass"),
    "hub.no_database": ("中心服务器上没有数据库：{reason}", "The hub has no such database: {reason}"),
    "hub.tls": ("与中心服务器的加密连接失败：{reason}", "The encrypted connection to the hub failed: {reason}"),
    "hub.bad_url": ("中心服务器地址无法识别：{reason}", "The hub address is not understood: {reason}"),
    "hub.url_has_password": ("请不要把密码写在中心服务器地址里，请用 --password-file",
                             "Do not put the password in the hub address; use --password-file"),
    "hub.not_connected": ("此数据文件夹还没有连接中心服务器：请先运行 hub connect URL，或在“工具 → 中心服务器…”中设置",
                          "This data folder is not connected to a hub: run hub connect URL first, or use Tools → Hub…"),
    "hub.not_initialised": ("数据库 {database} 还不是检查中心：请管理员先运行 hub init",
                            "The database {database} is not a hub yet: an administrator must run hub init first"),
    "hub.schema_older": ("中心服务器的数据结构（版本 {hub}）比本程序（版本 {program}）旧：请管理员运行 hub init 升级",
                         "The hub's schema (version {hub}) is older than this program's (version {program}):"
                         " an administrator must run hub init to upgrade it"),
    "hub.schema_newer": ("中心服务器的数据结构（版本 {hub}）比本程序（版本 {program}）新：请升级本程序",
                         "The hub's schema (version {hub}) is newer than this program's (version {program}):"
                         " upgrade this program"),
    "hub.schema_changed": ("中心服务器记录的结构变更 {version}（{name}）与本程序的不一致：请联系管理员",
                           "The hub's schema change {version} ({name}) differs from this program's: contact the administrator"),
    "hub.init_needs_admin": ("hub init 需要数据库超级用户，或拥有此数据库且有 CREATEROLE 权限的用户；{user} 不是",
                             "hub init needs a database superuser, or a user owning this database with"
                             " CREATEROLE; {user} is neither"),
    "hub.no_right": ("你的中心账户没有这项权限（{what}）：请中心管理员（admin）为你开通",
                     "Your hub account has no right to do this ({what}): ask the hub's administrator (admin)"),
    "hub.no_right_role": ("你的中心账户没有这项权限（{what}）：需要“{role}”角色的账户。"
                          "请中心管理员（admin）用 hub user add NAME --role {role_id} 添加一个，然后用它连接",
                          "Your hub account has no right to do this ({what}): it needs an account with the"
                          " role “{role}”. Ask the hub's administrator (admin) to add one with"
                          " hub user add NAME --role {role_id}, then connect with it"),
    "hub.role.inspector": ("检查人员", "inspector"),
    "hub.role.reviewer": ("审核人员", "reviewer"),
    "hub.role.admin": ("管理员", "administrator"),
    "hub.not_owner": ("检查 {id} 在中心属于 {owner}，不能由你上传或修改",
                      "Inspection {id} belongs to {owner} on the hub; you cannot push or change it"),
    "hub.signed_differs": ("中心已有检查 {id} 第 {revision} 版的已签署内容，与此不同；已签署的版本不能更改",
                           "The hub holds a different signed copy of inspection {id} revision {revision};"
                           " a signed revision never changes"),
    "hub.needs_merge": ("中心上的检查 {id}（第 {revision} 版）已被另一台电脑更新：需先合并",
                        "Inspection {id} (revision {revision}) was updated on the hub from another laptop:"
                        " it must be merged first"),
    "hub.missing_blob": ("上传不完整：中心缺少文件 {name}", "The upload is incomplete: the hub lacks the file {name}"),
    "hub.blob_mismatch": ("中心拒收文件 {sha256}：内容与其校验值不符", "The hub refused the file {sha256}: its content does not match its hash"),
    "hub.blob_exists": ("中心已有文件 {sha256}", "The hub already has the file {sha256}"),
    "hub.blob_unfinished": ("文件 {sha256} 上传未完成", "The upload of the file {sha256} was not finished"),
    "hub.bad_payload": ("中心拒收：数据不完整（{field}）", "The hub refused incomplete data ({field})"),
    "hub.blob_too_big": ("中心拒收文件 {sha256}：分块过大或过多（第 {seq} 块，{size} 字节）",
                         "The hub refused the file {sha256}: a chunk too big or too many chunks"
                         " (chunk {seq}, {size} bytes)"),
    "hub.payload_too_big": ("中心拒收：{field} 有 {count} 条，超过一次检查的上限",
                            "The hub refused {count} records of {field}: more than one inspection may hold"),
    "hub.review_stale": ("这次检查在中心已有更新的版本（第 {revision} 版）：只能审核当前版本",
                         "The hub has a newer revision of this inspection (revision {revision}):"
                         " only the current revision can be reviewed"),
    "hub.review_not_ready": ("这次检查在中心的状态是“{status}”，只有已完成或已签署的检查可以审核",
                             "This inspection is “{status}” on the hub; only completed or signed"
                             " inspections can be reviewed"),
    "hub.review_needs_reason": ("退回时请写明原因：总体意见或至少一个条目的意见",
                                "Returning needs a reason: an overall comment or a comment on at least one item"),
    "hub.no_inspection": ("中心没有这个检查：{id}", "The hub has no such inspection: {id}"),
    "hub.bad_role": ("角色应为 inspector、reviewer 或 admin，收到“{role}”",
                     "The role must be inspector, reviewer or admin, not “{role}”"),
    "hub.bad_user_name": ("用户名“{name}”不可用（不能为空、不能以 pg_ 或 pi_ 开头、最长 63 字节）",
                          "The user name “{name}” cannot be used (not empty, not starting with pg_ or pi_,"
                          " at most 63 bytes)"),
    "hub.bad_verifier": ("中心只接受加密后的密码", "The hub accepts only an encrypted password"),
    "hub.user_exists": ("数据库中已有用户 {name}", "The database already has a user {name}"),
    "hub.empty_password": ("密码文件 {path} 是空的", "The password file {path} is empty"),
    "hub.cut": ("与中心服务器的连接中断（网络或服务器出了问题）。已传完的部分保留在中心，下次同步会继续",
                "The connection to the hub was cut (a network or server problem). What was sent is"
                " kept; the next sync carries on"),
    "hub.server_error": ("中心服务器报错：{reason}", "The hub reported an error: {reason}"),
    "hub.cancelled": ("同步已取消；已传完的部分保留，下次同步会继续",
                      "Sync cancelled; what was sent is kept and the next sync carries on"),
})


class HubError(UserError):
    """Something about the hub that the user or the office can act on."""

    @property
    def details(self) -> str:
        """The server's or libpq's own words behind the message ("" when none): for the log and
        a dialog's details, not for the sentence the user reads."""
        reason = self.arguments.get("reason", "")
        return reason if isinstance(reason, str) else ""


class HubUnreachable(HubError):
    """The hub cannot be reached now: offline, server down, wrong address (normal on site)."""


class HubAuthFailed(HubError):
    """The hub refused the user name or password."""


class HubSchemaMismatch(HubError):
    """The hub's schema is missing, older or newer than this program's."""


class HubRefused(HubError):
    """The hub refused what was sent (a rule of the database: rights, signed revisions, hashes)."""


class SyncCancelled(HubError):
    """The user cancelled a sync."""


_AUTH = re.compile(r"password authentication failed|口令认证失败|密码认证失败|认证失败", re.I)
_NO_PASSWORD = re.compile(r"no password supplied", re.I)
_NO_DATABASE = re.compile(r'database ".*" does not exist|数据库 ".*" 不存在', re.I)
_TLS = re.compile(r"SSL|certificate|TLS|证书", re.I)


# The hub role each refused action needs (the schema's GRANTs: hub/schema/0001, 0002, 0008).
NEEDS = {"hub review": "reviewer", "review": "reviewer", "hub ranking": "reviewer",
         "hub trends": "reviewer", "hub tracker": "reviewer", "office list": "reviewer",
         "hub user add": "admin", "hub park resolve": "admin", "hub template add": "admin",
         "push": "inspector", "blob_status": "inspector", "put_blob": "inspector"}


def no_right(what: str) -> HubRefused:
    """The refusal of *what* for want of a right, naming the role it needs when known."""
    role = NEEDS.get(what)
    if role is None:
        return HubRefused("hub.no_right", what=what)
    return HubRefused("hub.no_right_role", what=what, role=Message(f"hub.role.{role}"), role_id=role)


def _reason(exc: BaseException) -> str:
    text = str(exc).strip()
    text = re.sub(r"^connection (failed|is bad): ", "", text)
    return " ".join(text.split())[:400]


def connect_error(exc: psycopg.Error, *, hub: str, user: str) -> HubError:
    """What a failed connection attempt means for the user."""
    text = str(exc)
    if _AUTH.search(text):
        return HubAuthFailed("hub.bad_password", user=user)
    if _NO_PASSWORD.search(text):
        return HubAuthFailed("hub.no_password", hub=hub)
    if _NO_DATABASE.search(text):
        return HubUnreachable("hub.no_database", reason=_reason(exc))
    if _TLS.search(text):
        return HubUnreachable("hub.tls", reason=_reason(exc))
    return HubUnreachable("hub.unreachable", hub=hub, reason=_reason(exc))


def sql_error(exc: psycopg.Error, *, what: str = "") -> HubError:
    """An error raised inside a connected session, as a message (the hub's codes included)."""
    import psycopg

    diag = exc.diag
    primary = diag.message_primary or ""
    if primary.startswith("hub."):
        try:
            arguments = json.loads(diag.message_detail or "{}")
        except ValueError:
            arguments = {}
        arguments = {key: str(value) for key, value in arguments.items()}
        if primary == "hub.no_right":
            return no_right(what or arguments.get("what", ""))
        return HubRefused(primary, **arguments)
    if exc.sqlstate == "42501":  # insufficient_privilege: no GRANT, or refused by a policy
        return no_right(what) if what else HubRefused("hub.no_right", what=_reason(exc))
    if isinstance(exc, psycopg.OperationalError) or exc.sqlstate is None or exc.sqlstate.startswith("08"):
        return HubUnreachable("hub.cut", reason=_reason(exc))
    if exc.sqlstate in ("57P01", "57P02", "57P03"):  # the server is shutting down / restarting
        return HubUnreachable("hub.cut", reason=_reason(exc))
    return HubRefused("hub.server_error", reason=_reason(exc))
