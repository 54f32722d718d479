"""Why a bundle is refused: one error class, one code per reason, both languages."""
from __future__ import annotations

from checklists.errors import UserError, messages

MESSAGES = messages({
    "bundle.not_found": ("找不到检查包文件：{path}", "No bundle file at {path}"),
    "bundle.not_a_zip": ("不是检查包（.pib）或文件不完整：{path}",
                         "Not an inspection bundle (.pib), or the file is incomplete: {path}"),
    "bundle.unsafe_member": ("检查包中有不安全的条目：{member}（{reason}）",
                             "The bundle holds an unsafe entry: {member} ({reason})"),
    "bundle.too_big": ("检查包超出限制：{what}", "The bundle exceeds a limit: {what}"),
    "bundle.id_clash": ("检查包中的一条记录（{what}，编号 {uid}）与本机另一条记录编号相同，未导入任何内容",
                        "A record of the bundle ({what}, id {uid}) has the id of another record here;"
                        " nothing was imported"),
    "bundle.no_item": ("检查包的记录（{what}）指向模板 {template} 中不存在的条目“{code}”",
                       "A record of the bundle ({what}) names an item “{code}” that template {template}"
                       " does not have"),
    "bundle.no_manifest": ("检查包缺少清单（manifest.json）", "The bundle has no manifest (manifest.json)"),
    "bundle.bad_manifest": ("检查包的清单无效：{reason}", "The bundle's manifest is not valid: {reason}"),
    "bundle.too_new": ("检查包由更新版本的程序（{program}，格式 {format}）生成，请升级程序后再导入",
                       "The bundle was made by a newer program ({program}, format {format}); update"
                       " this program to import it"),
    "bundle.bad_signature": ("检查包的签名无效（{reason}）：内容在签名后被改动，或签名已损坏",
                             "The bundle's signature is not valid ({reason}): its content changed"
                             " after signing, or the signature is damaged"),
    "bundle.signature_missing": ("检查包的清单说明已签名，但缺少签名文件（manifest.p7s）",
                                 "The manifest says the bundle is signed, but the signature"
                                 " (manifest.p7s) is missing"),
    "bundle.unsigned": ("检查包未签名（草稿，未用签名密钥签署）；确认来源可靠后才可导入（命令行加 --allow-unsigned）",
                        "The bundle is unsigned (a draft not signed with a key); import it only"
                        " from a source you trust (--allow-unsigned on the command line)"),
    "bundle.unsigned_signed": ("未签名的检查包不能作为已签署的版本导入：检查“{number}”第 {revision} 版状态为已签署",
                               "An unsigned bundle cannot be taken as a signed revision: inspection"
                               " \"{number}\" revision {revision} says it is signed"),
    "bundle.unknown_signer": ("检查包由本机不认识的证书签名：{name}（{organisation}，指纹 {fingerprint}）；"
                              "核实后导入该签名人的证书，或确认信任后再导入（命令行加 --trust-signer）",
                              "The bundle is signed by a certificate this computer does not know:"
                              " {name} ({organisation}, fingerprint {fingerprint}); check it and"
                              " import that signer's certificate, or confirm you trust it"
                              " (--trust-signer on the command line)"),
    "bundle.impersonation": ("检查包的签名证书自称“{name}”（{organisation}），但不是本机已信任的“{name}”的证书"
                             "（指纹 {fingerprint}）：可能是冒名；与本人核实后才可信任（命令行加 --trust-signer）",
                             "The bundle's certificate says it is {name} ({organisation}), but it is"
                             " not the certificate of {name} this computer trusts (fingerprint"
                             " {fingerprint}): possibly an impersonation; trust it only after"
                             " checking with that person (--trust-signer on the command line)"),
    "bundle.signer_mismatch": ("检查包的签名人（{signer}）不是签署报告的人（{report_signer}）",
                               "The bundle is signed by {signer}, but the report was signed by"
                               " {report_signer}"),
    "bundle.report_not_verified": ("检查包中签署的报告无法通过验证：{reason}",
                                   "The signed report in the bundle does not verify: {reason}"),
    "bundle.member_missing": ("检查包缺少文件：{member}", "The bundle lacks the file {member}"),
    "bundle.member_unlisted": ("检查包中有清单未列出的文件：{member}",
                               "The bundle holds a file its manifest does not list: {member}"),
    "bundle.bad_size": ("检查包已损坏：{member} 的大小不符", "The bundle is damaged: {member} has the wrong size"),
    "bundle.bad_hash": ("检查包已损坏：{member} 的校验值不符", "The bundle is damaged: {member} does not match its hash"),
    "bundle.bad_rows": ("检查包中的记录无效：{where}：{reason}",
                        "The bundle's records are not valid: {where}: {reason}"),
    "bundle.bad_audit": ("检查包中的审计记录无效：第 {row} 行 {reason}",
                         "The bundle's audit rows are not valid: row {row} {reason}"),
    "bundle.unknown_template": ("检查包使用了本机没有的检查模板：{template}（版本 {version}）",
                                "The bundle uses a checklist template this computer does not have:"
                                " {template} (version {version})"),
    "bundle.bad_template": ("检查包携带的检查模板 {template} 无效：{reason}",
                            "The checklist template {template} the bundle carries is not valid:"
                            " {reason}"),
    "bundle.template_version": ("检查包使用的模板 {template} 是版本 {version}，本机是版本 {local}",
                                "The bundle uses template {template} version {version}; this"
                                " computer has version {local}"),
    "bundle.signed_differs": ("检查“{number}”第 {revision} 版已签署，检查包中同一版本的内容与本机不同，不能导入",
                              "Inspection \"{number}\" revision {revision} is signed, and the bundle"
                              " holds different content for that revision: refused"),
    "bundle.signed_here": ("检查“{number}”第 {revision} 版在本机已签署；检查包中有该版本签署时没有的修改，不能并入",
                           "Inspection \"{number}\" revision {revision} is signed here; the bundle"
                           " holds changes that revision does not have, which cannot be merged"
                           " into it"),
    "bundle.older_draft": ("检查包是检查“{number}”第 {revision} 版的草稿，本机已有第 {local} 版",
                           "The bundle is a draft of inspection \"{number}\" revision {revision};"
                           " this computer already has revision {local}"),
    "bundle.device_clash": ("检查包中有以本机设备编号写入、但本机没有的记录：该检查包可能来自本数据文件夹的副本",
                            "The bundle holds records written under this computer's device id that"
                            " this computer does not have: it may come from a copy of this data"
                            " folder"),
    "bundle.no_space": ("磁盘空间不足：导入需要约 {needed}，可用 {free}",
                        "Not enough disk space: the import needs about {needed}, {free} is free"),
    "bundle.cancelled": ("已取消，未导入任何内容", "Cancelled; nothing was imported"),
    "bundle.needs_key": ("检查已签署：导出检查包需要签名密钥及其密码（--key、--password-file）",
                         "The inspection is signed: exporting its bundle needs the signing key and"
                         " its password (--key, --password-file)"),
    "bundle.key_not_signer": ("签名密钥（{key}）不是签署该报告的密钥（{signer}）",
                              "The signing key ({key}) is not the key that signed the report"
                              " ({signer})"),
    "bundle.no_key": ("没有找到签名密钥：请用 --key 指定 .p12 文件", "No signing key found: name the .p12 file with --key"),
    "bundle.many_keys": ("数据文件夹中有多个签名密钥：请用 --key 指定", "The data folder holds several signing keys: name one with --key"),
    "bundle.cannot_write": ("无法写入检查包 {path}：{reason}", "Cannot write the bundle {path}: {reason}"),
    "bundle.key_needs_password": ("key：用 --key 签署检查包时还需要 --password-file",
                                  "key: signing the bundle with --key also needs --password-file"),
    "bundle.conflicts_open": ("检查有 {count} 项冲突待核，请先逐项选定后再签署",
                              "The inspection has {count} conflicts to review; pick a value for each"
                              " before signing"),
    "bundle.no_conflict": ("没有编号为 {id} 的待核冲突", "No open conflict has the number {id}"),
    # The reasons inside the messages above (their {reason} or {what}), in the same language.
    "bundle.reason.at": ("{where}：{reason}", "{where}: {reason}"),
    "bundle.reason.should_be_text": ("应为文本", "should be text"),
    "bundle.reason.too_long": ("超过 {limit} 字", "longer than {limit} characters"),
    "bundle.reason.empty": ("不能为空", "cannot be empty"),
    "bundle.reason.should_be": ("应为{what}", "should be {what}"),
    "bundle.what.uuid": (" UUID", "a UUID"),
    "bundle.what.sha256": (" SHA-256", "a SHA-256"),
    "bundle.what.template_id": ("模板编号", "a template id"),
    "bundle.what.extension": ("文件扩展名", "a file extension"),
    "bundle.what.report_name": ("报告文件名", "a report file name"),
    "bundle.reason.integer": ("应为 {low}–{high} 的整数", "should be a whole number from {low} to {high}"),
    "bundle.reason.boolean": ("应为 true/false", "should be true/false"),
    "bundle.reason.one_of": ("应为 {values}", "should be {values}"),
    "bundle.reason.date": ("应为 YYYY-MM-DD", "should be YYYY-MM-DD"),
    "bundle.reason.time_too_long": ("时间过长", "the time is too long"),
    "bundle.reason.time": ("应为 ISO 时间", "should be an ISO time"),
    "bundle.reason.time_with_offset": ("应为带时区的 ISO 时间", "should be an ISO time with its UTC offset"),
    "bundle.reason.json_value": ("不是有效的 JSON 值", "not a valid JSON value"),
    "bundle.reason.too_many_bytes": ("超过 {limit} 字节", "larger than {limit} bytes"),
    "bundle.reason.vector": ("应为版本向量", "should be a version vector"),
    "bundle.reason.gps": ("应为 [纬度, 经度]", "should be [latitude, longitude]"),
    "bundle.reason.gps_range": ("坐标超出范围", "the coordinates are out of range"),
    "bundle.reason.list": ("应为列表", "should be a list"),
    "bundle.reason.object": ("应为对象", "should be an object"),
    "bundle.reason.fields": ("字段不符（{fields}）", "the fields differ ({fields})"),
    "bundle.reason.fields_differ": ("字段不符", "the fields differ"),
    "bundle.reason.invalid": ("无效", "not valid"),
    "bundle.reason.repeated": ("重复", "repeated"),
    "bundle.reason.repeated_key": ("重复：{key}", "repeated: {key}"),
    "bundle.reason.repeated_or_empty": ("重复或为空", "repeated or empty"),
    "bundle.reason.other_template": ("不是该检查使用的模板", "not a template of this inspection"),
    "bundle.reason.half_item": ("条目不完整", "the item is incomplete"),
    "bundle.reason.other_inspection": ("不属于该检查", "does not belong to this inspection"),
    "bundle.reason.name": ("名称", "name"),
    "bundle.reason.duplicate": ("重复的条目", "duplicate"),
    "bundle.reason.folder": ("文件夹", "folder"),
    "bundle.reason.symlink": ("符号链接", "symbolic link"),
    "bundle.reason.encrypted": ("已加密", "encrypted"),
    "bundle.reason.compression": ("不支持的压缩方式", "compression"),
    "bundle.reason.not_manifest": ("与清单不符", "differs from the manifest"),
    "bundle.reason.content_hash": ("内容校验值与清单不符", "the content hash differs from the manifest"),
    "bundle.reason.signed_without_report": ("已签署却没有签署的报告", "signed, but without a signed report"),
    "bundle.reason.not_jpeg": ("不是 JPEG", "not a JPEG"),
    "bundle.reason.not_png": ("不是 PNG", "not a PNG"),
    "bundle.reason.bad_annotations": ("标注无效", "the annotations are not valid"),
    "bundle.reason.no_annotations": ("标注为空", "the annotations are empty"),
    "bundle.reason.other_templates": ("与本机该检查使用的模板不同",
                                      "not the templates this inspection uses here"),
    "bundle.reason.signer": ("签名人", "signer"),
    "bundle.reason.format": ("格式", "format"),
    "bundle.reason.format_named": ("格式 {format}", "format {format}"),
    "bundle.reason.hash": ("校验值不符", "its hash does not match"),
    "bundle.reason.chain": ("审计链断开", "the chain is broken"),
    "bundle.reason.signature_too_large": ("签名过大", "too large"),
    "bundle.reason.manifest_changed": ("清单已改动", "manifest changed"),
    "bundle.reason.folder_missing": ("文件夹不存在", "the folder does not exist"),
    "bundle.reason.report_changed": ("签署后内容被改动（签名与文件内容不符）",
                                     "its content changed after signing (the signature does not"
                                     " match it)"),
    "bundle.reason.report_appended": ("签署后文件末尾被追加了内容", "content was appended after signing"),
    "bundle.reason.report_certificate": ("签名证书在签署时不可用：{problems}",
                                         "the signing certificate was not usable when it signed:"
                                         " {problems}"),
    "bundle.reason.report_invalid": ("签名无效", "the signature is not valid"),
    "bundle.what.member_bytes": ("{name}：{size} 字节", "{name}: {size} bytes"),
    "bundle.what.entries": ("{count} 个条目", "{count} entries"),
    "bundle.what.ratio": ("{name}：压缩比", "{name}: compression ratio"),
    "bundle.what.total_bytes": ("共 {size} 字节", "{size} bytes in all"),
})


class BundleRefused(UserError):
    """A bundle failed a check or cannot be applied: nothing was changed."""
