<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
    <context>
        <name>park_inspector</name>
        <message>
            <location filename="../../ui/base/date_field.py" line="62" />
            <source>日历</source>
            <translation>Calendar</translation>
        </message>
        <message>
            <location filename="../../ui/base/date_field.py" line="63" />
            <source>从日历中选择</source>
            <translation>Pick from a calendar</translation>
        </message>
        <message>
            <location filename="../../ui/base/date_field.py" line="111" />
            <source>不是有效日期，请按 2026-12-20 的格式填写</source>
            <translation>Not a valid date; write it as 2026-12-20</translation>
        </message>
        <message>
            <location filename="../../ui/base/discard.py" line="41" />
            <source>放弃</source>
            <translation>Discard</translation>
        </message>
        <message>
            <location filename="../../ui/base/discard.py" line="42" />
            <source>继续编辑</source>
            <translation>Keep Editing</translation>
        </message>
        <message>
            <location filename="../../ui/base/error_reporting.py" line="59" />
            <source>文件操作失败：{0}</source>
            <translation>A file operation failed: {0}</translation>
        </message>
        <message>
            <location filename="../../ui/base/error_reporting.py" line="61" />
            <source>详细信息已记录在 {0}。</source>
            <translation>Details were written to {0}.</translation>
        </message>
        <message>
            <location filename="../../ui/base/error_reporting.py" line="62" />
            <source>程序遇到了意外问题，操作没有完成；已保存的数据不受影响。</source>
            <translation>The program ran into an unexpected problem and the operation did not complete; data already saved is not affected. </translation>
        </message>
        <message>
            <location filename="../../ui/base/error_reporting.py" line="74" />
            <source>操作未完成</source>
            <translation>Not completed</translation>
        </message>
        <message>
            <location filename="../../ui/base/i18n.py" line="35" />
            <location filename="../../ui/hub/sync_flow.py" line="62" />
            <source>草稿</source>
            <translation>Draft</translation>
        </message>
        <message>
            <location filename="../../ui/base/i18n.py" line="36" />
            <location filename="../../ui/hub/sync_flow.py" line="62" />
            <source>检查中</source>
            <translation>In progress</translation>
        </message>
        <message>
            <location filename="../../ui/base/i18n.py" line="37" />
            <location filename="../../ui/base/i18n.py" line="72" />
            <location filename="../../ui/hub/sync_flow.py" line="62" />
            <source>已完成</source>
            <translation>Completed</translation>
        </message>
        <message>
            <location filename="../../ui/base/i18n.py" line="38" />
            <location filename="../../ui/hub/sync_flow.py" line="62" />
            <location filename="../../ui/reports/revisions_dialog.py" line="56" />
            <source>已签署</source>
            <translation>Signed</translation>
        </message>
        <message>
            <location filename="../../ui/base/i18n.py" line="45" />
            <source>生产制造类</source>
            <translation>Manufacturing</translation>
        </message>
        <message>
            <location filename="../../ui/base/i18n.py" line="46" />
            <source>生产性服务类等其他类</source>
            <translation>Producer services and other</translation>
        </message>
        <message>
            <location filename="../../ui/base/i18n.py" line="54" />
            <source>未达一星级</source>
            <translation>Below one star</translation>
        </message>
        <message>
            <location filename="../../ui/base/i18n.py" line="55" />
            <source>一星级</source>
            <translation>One star</translation>
        </message>
        <message>
            <location filename="../../ui/base/i18n.py" line="56" />
            <source>二星级</source>
            <translation>Two stars</translation>
        </message>
        <message>
            <location filename="../../ui/base/i18n.py" line="57" />
            <source>三星级</source>
            <translation>Three stars</translation>
        </message>
        <message>
            <location filename="../../ui/base/i18n.py" line="58" />
            <source>四星级</source>
            <translation>Four stars</translation>
        </message>
        <message>
            <location filename="../../ui/base/i18n.py" line="59" />
            <source>五星级</source>
            <translation>Five stars</translation>
        </message>
        <message>
            <location filename="../../ui/base/i18n.py" line="67" />
            <source>符合</source>
            <translation>Compliant</translation>
        </message>
        <message>
            <location filename="../../ui/base/i18n.py" line="68" />
            <source>基本符合</source>
            <translation>Largely compliant</translation>
        </message>
        <message>
            <location filename="../../ui/base/i18n.py" line="69" />
            <location filename="../../ui/office/ranking_view.py" line="137" />
            <location filename="../../ui/office/trends_view.py" line="180" />
            <source>不符合</source>
            <translation>Non-compliant</translation>
        </message>
        <message>
            <location filename="../../ui/base/i18n.py" line="70" />
            <source>不适用</source>
            <translation>Not applicable</translation>
        </message>
        <message>
            <location filename="../../ui/base/i18n.py" line="73" />
            <source>按期推进</source>
            <translation>On schedule</translation>
        </message>
        <message>
            <location filename="../../ui/base/i18n.py" line="74" />
            <source>滞后</source>
            <translation>Behind schedule</translation>
        </message>
        <message>
            <location filename="../../ui/base/i18n.py" line="75" />
            <source>未启动</source>
            <translation>Not started</translation>
        </message>
        <message>
            <location filename="../../ui/base/i18n.py" line="87" />
            <location filename="../../ui/inspection_view/checklist_model.py" line="47" />
            <source>未检查</source>
            <translation>Not checked</translation>
        </message>
        <message>
            <location filename="../../ui/base/i18n.py" line="104" />
            <location filename="../../ui/inspection_view/evidence_notice.py" line="40" />
            <location filename="../../ui/inspection_view/item_panel.py" line="203" />
            <location filename="../../ui/inspection_view/page_header.py" line="91" />
            <location filename="../../ui/inspection_view/star_inputs.py" line="360" />
            <location filename="../../ui/inspection_view/summary_tab.py" line="280" />
            <location filename="../../ui/inspection_view/summary_tab.py" line="286" />
            <location filename="../../ui/office/trends_view.py" line="163" />
            <source>、</source>
            <translation>, </translation>
        </message>
        <message>
            <location filename="../../ui/base/i18n.py" line="109" />
            <location filename="../../ui/reports/sign_dialog.py" line="251" />
            <location filename="../../ui/reports/signatures_dialog.py" line="61" />
            <source>{0}（{1}）</source>
            <translation>{0} ({1})</translation>
        </message>
        <message>
            <location filename="../../ui/base/system_open.py" line="26" />
            <source>这台电脑没有可以打开此文件的程序。</source>
            <translation>No program on this computer can open this file.</translation>
        </message>
        <message>
            <location filename="../../ui/base/system_open.py" line="31" />
            <location filename="../../ui/base/system_open.py" line="57" />
            <source>这台电脑无法打开文件管理器。</source>
            <translation>This computer could not open a file manager.</translation>
        </message>
        <message>
            <location filename="../../ui/base/system_open.py" line="62" />
            <source>无法打开</source>
            <translation>Cannot Open</translation>
        </message>
        <message>
            <location filename="../../ui/base/system_open.py" line="64" />
            <source>位置：
{0}</source>
            <translation>Location:
{0}</translation>
        </message>
        <message>
            <location filename="../../ui/bundles/bundle_flow.py" line="57" />
            <source>已导入检查（第 {0} 版）。</source>
            <translation>The inspection was imported (revision {0}).</translation>
        </message>
        <message>
            <location filename="../../ui/bundles/bundle_flow.py" line="58" />
            <source>本机已有该检查的第 {0} 版，未作任何改动。</source>
            <translation>This computer already has revision {0} of the inspection; nothing was changed.</translation>
        </message>
        <message>
            <location filename="../../ui/bundles/bundle_flow.py" line="59" />
            <source>已把检查包中的修改逐项并入本机的检查（第 {0} 版）。</source>
            <translation>The bundle's changes were merged item by item into the inspection here (revision {0}).</translation>
        </message>
        <message>
            <location filename="../../ui/bundles/bundle_flow.py" line="60" />
            <source>检查包中的第 {0} 版已取代本机的版本；原来的版本保留备查。</source>
            <translation>Revision {0} from the bundle replaced the one here; the earlier one is kept for reference.</translation>
        </message>
        <message>
            <location filename="../../ui/bundles/bundle_flow.py" line="61" />
            <source>这是较早的已签署版本（第 {0} 版），已保留备查；当前版本不变。</source>
            <translation>This is an earlier signed revision (revision {0}); it is kept for reference and the current revision is unchanged.</translation>
        </message>
        <message>
            <location filename="../../ui/bundles/bundle_flow.py" line="65" />
            <source>{0} 个条目两台电脑都改过，已标为“冲突待核”：请在条目中选定保留哪一方，之后才能签署。</source>
            <translation>{0} items were changed on both computers and are marked "conflict to review": pick which side to keep on each item; signing waits until then.</translation>
        </message>
        <message>
            <location filename="../../ui/bundles/bundle_flow.py" line="68" />
            <source>本机有签署版本中没有的修改，已另存备查，不会丢失。</source>
            <translation>This computer had changes the signed revision does not contain; they are kept aside for reference, nothing is lost.</translation>
        </message>
        <message>
            <location filename="../../ui/bundles/bundle_flow.py" line="70" />
            <source>该检查包未签名（草稿）。</source>
            <translation>The bundle is unsigned (a draft).</translation>
        </message>
        <message>
            <location filename="../../ui/bundles/bundle_flow.py" line="84" />
            <location filename="../../ui/bundles/bundle_flow.py" line="166" />
            <location filename="../../ui/bundles/bundle_flow.py" line="249" />
            <source>导出检查包</source>
            <translation>Export Inspection Bundle</translation>
        </message>
        <message>
            <location filename="../../ui/bundles/bundle_flow.py" line="86" />
            <source>&lt;b&gt;{0}（第 {1} 版）&lt;/b&gt;&lt;br&gt;{2} · {3}</source>
            <translation>&lt;b&gt;{0} (revision {1})&lt;/b&gt;&lt;br&gt;{2} · {3}</translation>
        </message>
        <message>
            <location filename="../../ui/bundles/bundle_flow.py" line="90" />
            <source>检查包</source>
            <translation>Inspection bundle</translation>
        </message>
        <message>
            <location filename="../../ui/bundles/bundle_flow.py" line="92" />
            <location filename="../../ui/reports/sign_dialog.py" line="134" />
            <source>选择…</source>
            <translation>Choose…</translation>
        </message>
        <message>
            <location filename="../../ui/bundles/bundle_flow.py" line="97" />
            <source>用签名密钥签署检查包（推荐）</source>
            <translation>Sign the bundle with the signing key (recommended)</translation>
        </message>
        <message>
            <location filename="../../ui/bundles/bundle_flow.py" line="100" />
            <location filename="../../ui/reports/sign_dialog.py" line="125" />
            <source>签名密钥的密码（不会被保存）</source>
            <translation>The signing key's password (never stored)</translation>
        </message>
        <message>
            <location filename="../../ui/bundles/bundle_flow.py" line="104" />
            <source>保存到：</source>
            <translation>Save to:</translation>
        </message>
        <message>
            <location filename="../../ui/bundles/bundle_flow.py" line="106" />
            <source>该版本已签署：检查包在签署报告时已签名，无需密码。</source>
            <translation>This revision is signed: its bundle was signed with the report, no password is needed.</translation>
        </message>
        <message>
            <location filename="../../ui/bundles/bundle_flow.py" line="110" />
            <source>该版本已签署：导出检查包需要签署报告所用密钥的密码。</source>
            <translation>This revision is signed: exporting its bundle needs the password of the key that signed the report.</translation>
        </message>
        <message>
            <location filename="../../ui/bundles/bundle_flow.py" line="113" />
            <location filename="../../ui/bundles/bundle_flow.py" line="120" />
            <location filename="../../ui/reports/sign_dialog.py" line="142" />
            <source>密钥密码：</source>
            <translation>Key password:</translation>
        </message>
        <message>
            <location filename="../../ui/bundles/bundle_flow.py" line="115" />
            <source>不签署时导出的是未签名的草稿检查包：对方导入时需要确认来源，且它不能作为已签署的版本。</source>
            <translation>Without a signature the bundle is an unsigned draft: the receiver must confirm where it came from, and it can never count as a signed revision.</translation>
        </message>
        <message>
            <location filename="../../ui/bundles/bundle_flow.py" line="126" />
            <source>导出</source>
            <translation>Export</translation>
        </message>
        <message>
            <location filename="../../ui/bundles/bundle_flow.py" line="167" />
            <location filename="../../ui/bundles/bundle_flow.py" line="264" />
            <source>检查包 (*.pib)</source>
            <translation>Inspection bundles (*.pib)</translation>
        </message>
        <message>
            <location filename="../../ui/bundles/bundle_flow.py" line="238" />
            <location filename="../../ui/bundles/bundle_flow.py" line="244" />
            <source>检查包没有导出</source>
            <translation>The bundle was not exported</translation>
        </message>
        <message>
            <location filename="../../ui/bundles/bundle_flow.py" line="242" />
            <source>密码不正确，检查包没有导出。请重新输入密码。</source>
            <translation>Wrong password: the bundle was not exported. Please type the password again.</translation>
        </message>
        <message>
            <location filename="../../ui/bundles/bundle_flow.py" line="249" />
            <source>正在导出检查包…</source>
            <translation>Exporting the bundle…</translation>
        </message>
        <message>
            <location filename="../../ui/bundles/bundle_flow.py" line="255" />
            <source>检查包已保存到：
{0}</source>
            <translation>The bundle was saved to:
{0}</translation>
        </message>
        <message>
            <location filename="../../ui/bundles/bundle_flow.py" line="257" />
            <source>该检查包未签名（草稿）：对方导入时需要确认来源。</source>
            <translation>The bundle is unsigned (a draft): the receiver must confirm where it came from.</translation>
        </message>
        <message>
            <location filename="../../ui/bundles/bundle_flow.py" line="258" />
            <source>检查包已导出</source>
            <translation>Bundle Exported</translation>
        </message>
        <message>
            <location filename="../../ui/bundles/bundle_flow.py" line="264" />
            <location filename="../../ui/bundles/bundle_flow.py" line="274" />
            <location filename="../../ui/bundles/bundle_flow.py" line="305" />
            <location filename="../../ui/bundles/bundle_flow.py" line="335" />
            <source>导入检查包</source>
            <translation>Import Inspection Bundle</translation>
        </message>
        <message>
            <location filename="../../ui/bundles/bundle_flow.py" line="275" />
            <source>正在检查检查包…</source>
            <translation>Checking the bundle…</translation>
        </message>
        <message>
            <location filename="../../ui/bundles/bundle_flow.py" line="277" />
            <location filename="../../ui/bundles/bundle_flow.py" line="337" />
            <source>检查包没有导入</source>
            <translation>The bundle was not imported</translation>
        </message>
        <message>
            <location filename="../../ui/bundles/bundle_flow.py" line="281" />
            <location filename="../../ui/reports/sign_dialog.py" line="224" />
            <source>{0}（第 {1} 版，{2}）</source>
            <translation>{0} (revision {1}, {2})</translation>
        </message>
        <message>
            <location filename="../../ui/bundles/bundle_flow.py" line="290" />
            <source>检查包 {0} 的签名证书自称“{1}”，但不是本机已信任的“{1}”的证书：可能是冒名。</source>
            <translation>The bundle {0} is signed with a certificate that says it is {1}, but it is not the certificate of {1} this computer trusts: possibly an impersonation.</translation>
        </message>
        <message>
            <location filename="../../ui/bundles/bundle_flow.py" line="292" />
            <source>仍要信任并导入</source>
            <translation>Trust and Import Anyway</translation>
        </message>
        <message>
            <location filename="../../ui/bundles/bundle_flow.py" line="294" />
            <source>检查包 {0} 由本机不认识的证书签名。</source>
            <translation>The bundle {0} is signed with a certificate this computer does not know.</translation>
        </message>
        <message>
            <location filename="../../ui/bundles/bundle_flow.py" line="295" />
            <source>信任并导入</source>
            <translation>Trust and Import</translation>
        </message>
        <message>
            <location filename="../../ui/bundles/bundle_flow.py" line="296" />
            <source>签名人：{0}（{1}）
证书指纹（SHA-256）：
{2}

请通过电话等可靠途径与签名人逐组核对全部指纹；信任后，其证书会加入本机已知的证书。</source>
            <translation>Signer: {0} ({1})
Certificate fingerprint (SHA-256):
{2}

Compare the whole fingerprint, group by group, with the signer by a reliable way such as a phone call; once trusted, the certificate is added to those this computer knows.</translation>
        </message>
        <message>
            <location filename="../../ui/bundles/bundle_flow.py" line="301" />
            <source>检查包 {0} 未签名（草稿）。</source>
            <translation>The bundle {0} is unsigned (a draft).</translation>
        </message>
        <message>
            <location filename="../../ui/bundles/bundle_flow.py" line="302" />
            <source>未签名的检查包无法证明来自谁、是否被改动过。只在确认来源可靠时导入；它不能作为已签署的版本。</source>
            <translation>An unsigned bundle cannot prove who made it or that it was not altered. Import it only from a source you trust; it can never count as a signed revision.</translation>
        </message>
        <message>
            <location filename="../../ui/bundles/bundle_flow.py" line="304" />
            <source>仍要导入</source>
            <translation>Import Anyway</translation>
        </message>
        <message>
            <location filename="../../ui/bundles/bundle_flow.py" line="335" />
            <source>正在导入检查包…</source>
            <translation>Importing the bundle…</translation>
        </message>
        <message>
            <location filename="../../ui/bundles/bundle_flow.py" line="342" />
            <source>检查包已导入</source>
            <translation>Bundle Imported</translation>
        </message>
        <message>
            <location filename="../../ui/bundles/bundle_flow.py" line="344" />
            <source>打开检查</source>
            <translation>Open Inspection</translation>
        </message>
        <message>
            <location filename="../../ui/bundles/bundle_flow.py" line="345" />
            <location filename="../../ui/reports/export_dialogs.py" line="136" />
            <source>关闭</source>
            <translation>Close</translation>
        </message>
        <message>
            <location filename="../../ui/camera/camera_dialog.py" line="44" />
            <source>拍照</source>
            <translation>Take photos</translation>
        </message>
        <message>
            <location filename="../../ui/camera/camera_dialog.py" line="52" />
            <source>照片将添加到：{0}</source>
            <translation>Photos go to: {0}</translation>
        </message>
        <message>
            <location filename="../../ui/camera/camera_dialog.py" line="53" />
            <source>正在打开摄像头…</source>
            <translation>Opening the camera…</translation>
        </message>
        <message>
            <location filename="../../ui/camera/camera_dialog.py" line="68" />
            <source>拍照（空格）</source>
            <translation>Take photo (Space)</translation>
        </message>
        <message>
            <location filename="../../ui/camera/camera_dialog.py" line="72" />
            <location filename="../../ui/hub/sync_flow.py" line="80" />
            <source>完成</source>
            <translation>Done</translation>
        </message>
        <message>
            <location filename="../../ui/camera/camera_dialog.py" line="98" />
            <source>摄像头出错：{0}</source>
            <translation>Camera error: {0}</translation>
        </message>
        <message>
            <location filename="../../ui/camera/camera_dialog.py" line="130" />
            <source>已拍 {0} 张</source>
            <translation>{0} taken</translation>
        </message>
        <message>
            <location filename="../../ui/camera/camera_flow.py" line="32" />
            <location filename="../../ui/inspection_view/actions.py" line="125" />
            <location filename="../../ui/inspection_view/conflicts.py" line="45" />
            <location filename="../../ui/inspection_view/page.py" line="135" />
            <location filename="../../ui/inspection_view/page.py" line="138" />
            <location filename="../../ui/inspection_view/page.py" line="264" />
            <location filename="../../ui/photos/photo_viewer.py" line="377" />
            <location filename="../../ui/session/undo_commands.py" line="178" />
            <location filename="../../ui/session/undo_feedback.py" line="32" />
            <source>整体照片</source>
            <translation>General photos</translation>
        </message>
        <message>
            <location filename="../../ui/camera/devices.py" line="25" />
            <source>此电脑上无法使用相机功能（{0}）</source>
            <translation>The camera cannot be used on this computer ({0})</translation>
        </message>
        <message>
            <location filename="../../ui/camera/devices.py" line="28" />
            <source>没有找到摄像头：请连接摄像头，或从文件夹添加照片</source>
            <translation>No camera found: connect one, or add photos from a folder</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/about.py" line="62" />
            <location filename="../../ui/window_menus.py" line="81" />
            <source>关于园区现场检查</source>
            <translation>About Park Inspector</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/about.py" line="67" />
            <location filename="../../ui/home/welcome.py" line="54" />
            <location filename="../../ui/main_window.py" line="252" />
            <source>园区现场检查</source>
            <translation>Park Inspector</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/about.py" line="72" />
            <location filename="../../ui/dialogs/template_editions.py" line="32" />
            <location filename="../../ui/dialogs/template_import.py" line="169" />
            <location filename="../../ui/home/new_inspection.py" line="213" />
            <source>版本 {0}</source>
            <translation>Version {0}</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/about.py" line="74" />
            <source>离线完成园区现场检查：按标准逐项判定、拍照取证、记录整改，生成带电子签名的检查报告。</source>
            <translation>On-site park inspections, offline: judge every item of a standard, take photos as evidence, record rectifications, and produce a digitally signed inspection report.</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/about.py" line="95" />
            <location filename="../../ui/dialogs/about.py" line="136" />
            <source>许可证</source>
            <translation>Licences</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/about.py" line="109" />
            <location filename="../../ui/dialogs/settings_dialog.py" line="61" />
            <location filename="../../ui/main_window.py" line="188" />
            <source>数据文件夹</source>
            <translation>Data folder</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/about.py" line="110" />
            <source>检查记录（数据库）、照片、报告和错误日志都保存在这个文件夹中。备份时请使用“文件 → 备份数据…”，它会得到一份一致的副本。</source>
            <translation>Inspection records (the database), photos, reports and error logs are kept in this folder. To back it up, use "File → Back up data…": it makes a consistent copy.</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/about.py" line="116" />
            <source>在文件管理器中打开</source>
            <translation>Open in file manager</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/about.py" line="135" />
            <source>本程序使用了以下软件和字体，感谢它们的作者。</source>
            <translation>This program uses the following software and fonts. Thanks to their authors.</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/about.py" line="136" />
            <location filename="../../ui/home/new_inspection.py" line="141" />
            <source>名称</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/about.py" line="136" />
            <source>用途</source>
            <translation>Used for</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/about.py" line="137" />
            <source>Qt 和 PySide6 以 LGPL-3.0 许可使用，以独立的动态库随程序提供，可以替换为兼容的其他版本。</source>
            <translation>Qt and PySide6 are used under the LGPL-3.0; they ship as separate dynamic libraries and can be replaced with other compatible versions.</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/about.py" line="150" />
            <source>字体说明</source>
            <translation>About the font</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/about.py" line="151" />
            <source>字体许可证（SIL Open Font License 1.1）</source>
            <translation>Font licence (SIL Open Font License 1.1)</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/backup_flow.py" line="19" />
            <source>园区检查备份-{0}.zip</source>
            <translation>park-inspector-backup-{0}.zip</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/backup_flow.py" line="20" />
            <source>备份数据</source>
            <translation>Back up data</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/backup_flow.py" line="20" />
            <location filename="../../ui/dialogs/damaged_folder.py" line="40" />
            <source>备份文件 (*.zip)</source>
            <translation>Backup files (*.zip)</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/backup_flow.py" line="30" />
            <source>正在备份到 {0}…</source>
            <translation>Backing up to {0}…</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/backup_flow.py" line="35" />
            <source>已备份到 {0}</source>
            <translation>Backed up to {0}</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/backup_flow.py" line="42" />
            <source>备份没有完成</source>
            <translation>The backup did not complete</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/backup_flow.py" line="48" />
            <source>数据已备份到：
{0}

包括数据库和 {1} 个照片、报告文件。</source>
            <translation>The data was backed up to:
{0}

It holds the database and {1} photo and report files.</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/backup_flow.py" line="54" />
            <source>备份完成</source>
            <translation>Backup complete</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/backup_flow.py" line="59" />
            <source>数据文件夹中缺少以下 {0} 个文件，备份中也没有它们：
{1}</source>
            <translation>These {0} files are missing from the data folder, so the backup does not have them either:
{1}</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/backup_flow.py" line="63" />
            <source>以下 {0} 处已损坏，已按原样备份：
{1}</source>
            <translation>These {0} are damaged and were backed up as they are:
{1}</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/backup_flow.py" line="64" />
            <source>备份完成，但有文件缺失</source>
            <translation>Backup done, but files are missing</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/backup_flow.py" line="64" />
            <source>备份完成，但数据有损坏</source>
            <translation>Backup done, but the data is damaged</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/damaged_folder.py" line="26" />
            <source>数据文件夹已损坏</source>
            <translation>The data folder is damaged</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/damaged_folder.py" line="28" />
            <source>从备份恢复…</source>
            <translation>Restore from a backup…</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/damaged_folder.py" line="29" />
            <location filename="../../ui/window_menus.py" line="42" />
            <source>退出</source>
            <translation>Quit</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/damaged_folder.py" line="40" />
            <source>选择备份文件</source>
            <translation>Choose the backup file</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/damaged_folder.py" line="46" />
            <source>恢复没有完成</source>
            <translation>The restore did not finish</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/damaged_folder.py" line="48" />
            <source>已从备份恢复</source>
            <translation>Restored from the backup</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/damaged_folder.py" line="53" />
            <source>已从 {0} 恢复数据（{1} 的备份）。</source>
            <translation>The data was restored from {0} (the backup of {1}).</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/damaged_folder.py" line="55" />
            <source>恢复前数据文件夹中的文件已移到 {0}，没有删除。</source>
            <translation>The files that were in the data folder before were moved to {0}, not deleted.</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/damaged_folder.py" line="70" />
            <source>正在从备份恢复数据…</source>
            <translation>Restoring the data from the backup…</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/damaged_folder.py" line="71" />
            <source>从备份恢复</source>
            <translation>Restore from a backup</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/help.py" line="11" />
            <source>记录结果（符合、基本符合、不符合、不适用；行动项为各状态）</source>
            <translation>Record a result (compliant, largely compliant, non-compliant, not applicable; the statuses for action items)</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/help.py" line="12" />
            <source>星级指标：评定等级</source>
            <translation>Star indicators: the judged level</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/help.py" line="13" />
            <source>下一个 / 上一个未检查条目</source>
            <translation>Next / previous unchecked item</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/help.py" line="14" />
            <source>编辑备注；再按一次回到检查表（Esc 也可以）</source>
            <translation>Edit the note; press again to go back to the checklist (Esc too)</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/help.py" line="15" />
            <source>按屏幕顺序在按钮和输入框之间移动</source>
            <translation>Move between buttons and fields in screen order</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/help.py" line="16" />
            <source>搜索条目；回车打开第一个结果</source>
            <translation>Search items; Enter opens the first hit</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/help.py" line="17" />
            <source>撤销 / 重做（显示所改的条目）</source>
            <translation>Undo / redo (shows the item changed)</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/help.py" line="18" />
            <source>为当前条目添加照片</source>
            <translation>Add photos to the current item</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/help.py" line="19" />
            <source>添加整体照片</source>
            <translation>Add overall photos</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/help.py" line="20" />
            <source>用摄像头拍照</source>
            <translation>Take photos with the camera</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/help.py" line="21" />
            <location filename="../../ui/inspection_view/findings.py" line="62" />
            <source>添加整改项</source>
            <translation>Add rectification</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/help.py" line="22" />
            <source>在对话框中确定（如整改项）</source>
            <translation>OK in a dialog (e.g. a finding)</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/help.py" line="23" />
            <source>检查表 / 整体照片 / 汇总</source>
            <translation>Checklist / overall photos / summary</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/help.py" line="24" />
            <source>照片查看器：上一张 / 下一张</source>
            <translation>Photo viewer: previous / next</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/help.py" line="25" />
            <source>打印报告</source>
            <translation>Print the report</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/help.py" line="26" />
            <location filename="../../ui/reports/export_dialogs.py" line="207" />
            <location filename="../../ui/reports/export_dialogs.py" line="227" />
            <source>导出 Excel</source>
            <translation>Export to Excel</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/help.py" line="27" />
            <location filename="../../ui/home/new_inspection.py" line="55" />
            <location filename="../../ui/home/welcome.py" line="70" />
            <source>新建检查</source>
            <translation>New inspection</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/help.py" line="28" />
            <location filename="../../ui/window_menus.py" line="34" />
            <source>返回检查列表</source>
            <translation>Back to the inspection list</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/help.py" line="34" />
            <source>新建检查：选择园区和检查标准，填写检查日期和检查人员。</source>
            <translation>New inspection: choose the park and the standards, enter the date and the inspectors.</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/help.py" line="35" />
            <source>逐项检查：在左侧选择条目，按数字键记录结果；按 N 跳到下一个未检查条目。记录“不符合”后停留在该条目，便于写备注（F2）和添加整改项。</source>
            <translation>Item by item: choose an item on the left and record its result with a digit key; N goes to the next unchecked item. After "non-compliant" the item stays on screen for a note (F2) and a finding.</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/help.py" line="37" />
            <source>照片：把照片拖到条目上，或用摄像头拍照（Ctrl+Shift+K）；照片按拍摄时间排列。距园区较远或非检查当天拍摄的照片会标出 ⚠。</source>
            <translation>Photos: drag them onto an item, or take them with the camera (Ctrl+Shift+K); they are ordered by capture time. Photos taken far from the park or on another day are marked ⚠.</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/help.py" line="39" />
            <source>证据要求：“不符合”需要照片和整改项，“基本符合”和“滞后”需要备注；条目上会提示缺少什么。</source>
            <translation>Evidence rules: "non-compliant" needs a photo and a finding, "largely compliant" and "delayed" a note; the item says what is missing.</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/help.py" line="40" />
            <source>现场签名：报告菜单 → 现场签名，检查人员和园区代表在本机手写签名。</source>
            <translation>Signatures on site: Report → Signatures; the inspectors and the park's representative sign by hand on this computer.</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/help.py" line="41" />
            <source>签署报告：报告菜单 → 签署报告。缺少证据的条目需补充或说明理由；签署后检查被锁定。</source>
            <translation>Sign the report: Report → Sign report. Items without their evidence need it added or a reason; signing locks the inspection.</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/help.py" line="42" />
            <source>修改已签署的检查：重新打开生成新的修订版本；之前的报告在“修订版本与已签署报告”中。</source>
            <translation>Changing a signed inspection: reopening makes a new revision; the earlier reports are under "Revisions and signed reports".</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/help.py" line="45" />
            <source>一次现场检查</source>
            <translation>A site visit</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/help.py" line="47" />
            <source>&lt;p&gt;所有修改都会自动保存，断电或关闭程序不会丢失。&lt;/p&gt;</source>
            <translation>&lt;p&gt;Every change is saved as it is made: a power cut or closing the program loses nothing.&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/help.py" line="68" />
            <location filename="../../ui/window_menus.py" line="86" />
            <source>快捷键</source>
            <translation>Keyboard shortcuts</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/help.py" line="72" />
            <location filename="../../ui/window_menus.py" line="88" />
            <source>使用指南</source>
            <translation>Guide</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/location_fields.py" line="15" />
            <source>记录园区的位置后，距园区超过 {0} 的照片会被标出（不会被拒绝）。</source>
            <translation>With the park's location recorded, photos taken more than {0} from it are flagged (never refused).</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/location_fields.py" line="28" />
            <source>纬度，例如 30.8201</source>
            <translation>latitude, e.g. 30.8201</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/location_fields.py" line="29" />
            <source>经度，例如 121.2532</source>
            <translation>longitude, e.g. 121.2532</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/location_fields.py" line="36" />
            <source>纬度（北纬为正）</source>
            <translation>Latitude (north positive)</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/location_fields.py" line="37" />
            <source>经度（东经为正）</source>
            <translation>Longitude (east positive)</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/location_fields.py" line="63" />
            <source>请填写十进制的经纬度：纬度 -90～90，经度 -180～180。</source>
            <translation>Enter decimal degrees: latitude -90 to 90, longitude -180 to 180.</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/park_location.py" line="48" />
            <source>园区位置 — {0}</source>
            <translation>Park location — {0}</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/park_location.py" line="60" />
            <source>使用照片的位置（{0}）</source>
            <translation>Use the photos' position ({0})</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/park_location.py" line="63" />
            <source>本次检查的照片没有位置信息</source>
            <translation>No photo of this inspection has a position</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/park_location.py" line="70" />
            <source>清除位置</source>
            <translation>Clear location</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/settings_dialog.py" line="45" />
            <source>设置</source>
            <translation>Settings</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/settings_dialog.py" line="48" />
            <source>检查人员信息</source>
            <translation>Inspector</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/settings_dialog.py" line="52" />
            <source>例如：高级检查员</source>
            <translation>e.g. Senior inspector</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/settings_dialog.py" line="54" />
            <location filename="../../ui/reports/key_forms.py" line="219" />
            <source>姓名</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/settings_dialog.py" line="55" />
            <location filename="../../ui/reports/key_forms.py" line="221" />
            <location filename="../../ui/reports/trusted_panel.py" line="69" />
            <source>单位</source>
            <translation>Organisation</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/settings_dialog.py" line="56" />
            <source>职务</source>
            <translation>Title</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/settings_dialog.py" line="59" />
            <source>新建检查时默认填入姓名和单位；报告签名处使用职务。</source>
            <translation>Name and organisation are filled in for new inspections; the title appears with your signature on reports.</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/settings_dialog.py" line="64" />
            <source>浏览…</source>
            <translation>Browse…</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/settings_dialog.py" line="72" />
            <source>检查记录、照片和报告都保存在这个文件夹中。</source>
            <translation>Inspections, photos and reports are kept in this folder.</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/settings_dialog.py" line="75" />
            <source>报告</source>
            <translation>Report</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/settings_dialog.py" line="77" />
            <source>大（每页 1 张照片）</source>
            <translation>Large (1 photo per page)</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/settings_dialog.py" line="77" />
            <source>中（每页 2 张照片）</source>
            <translation>Medium (2 photos per page)</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/settings_dialog.py" line="78" />
            <source>小（每页 4 张照片）</source>
            <translation>Small (4 photos per page)</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/settings_dialog.py" line="83" />
            <source>照片大小</source>
            <translation>Photo size</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/settings_dialog.py" line="85" />
            <source>界面</source>
            <translation>Interface</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/settings_dialog.py" line="94" />
            <location filename="../../ui/inspection_view/actions.py" line="116" />
            <source>答题后自动跳到下一项</source>
            <translation>Move to the next item after answering</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/settings_dialog.py" line="96" />
            <source>记录“不符合”或“滞后”后停留在该条目（便于填写备注和整改项）</source>
            <translation>Stay on the item after recording "Non-compliant" or "Delayed" (to write a note or a finding)</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/settings_dialog.py" line="99" />
            <location filename="../../ui/dialogs/settings_dialog.py" line="103" />
            <source>标准</source>
            <translation>Standard</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/settings_dialog.py" line="99" />
            <source>大</source>
            <translation>Large</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/settings_dialog.py" line="99" />
            <source>特大</source>
            <translation>Larger</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/settings_dialog.py" line="104" />
            <source>高对比度（强光下、视力较弱时）</source>
            <translation>High contrast (bright sunlight, weaker eyes)</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/settings_dialog.py" line="109" />
            <source>界面语言</source>
            <translation>Language</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/settings_dialog.py" line="110" />
            <source>文字大小</source>
            <translation>Text size</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/settings_dialog.py" line="111" />
            <source>配色</source>
            <translation>Colours</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/settings_dialog.py" line="115" />
            <location filename="../../ui/hub/settings_dialog.py" line="48" />
            <source>中心服务器</source>
            <translation>Hub</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/settings_dialog.py" line="118" />
            <source>未连接：检查只保存在本机</source>
            <translation>Not connected: inspections are kept on this computer only</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/settings_dialog.py" line="119" />
            <location filename="../../ui/hub/sync_flow.py" line="124" />
            <source>中心服务器…</source>
            <translation>Hub…</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/settings_dialog.py" line="151" />
            <source>选择数据文件夹</source>
            <translation>Choose the data folder</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/settings_dialog.py" line="163" />
            <source>更改在重新启动程序后生效；现有的数据不会自动移到新文件夹。</source>
            <translation>Takes effect when the program restarts; existing data is not moved to the new folder.</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/settings_dialog.py" line="165" />
            <source>这次运行使用的是另外指定的文件夹：{0}</source>
            <translation>This session uses a folder given at start-up: {0}</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/settings_dialog.py" line="173" />
            <source>界面语言、文字大小和配色在重新启动程序后生效。</source>
            <translation>The language, text size and colours change when the program is started again.</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/template_actions.py" line="31" />
            <source>已导入“{0}”，新建检查时可以选用。</source>
            <translation>Imported "{0}"; new inspections can use it.</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/template_actions.py" line="32" />
            <source>“{0}”已在数据文件夹中，未重复导入。</source>
            <translation>"{0}" is already in the data folder; it was not imported again.</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/template_actions.py" line="33" />
            <location filename="../../ui/dialogs/template_import.py" line="75" />
            <source>导入检查模板</source>
            <translation>Import a checklist template</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/template_actions.py" line="61" />
            <location filename="../../ui/dialogs/template_actions.py" line="67" />
            <location filename="../../ui/dialogs/template_editions.py" line="113" />
            <source>改用新版本模板</source>
            <translation>Move to a newer edition</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/template_actions.py" line="62" />
            <source>该检查已签署；请先在“检查”菜单中重新打开，再改用新版本。</source>
            <translation>This inspection is signed; reopen it from the Inspection menu first, then move it to the newer edition.</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/template_actions.py" line="68" />
            <source>本检查使用的模板（{0}）没有更新的版本。</source>
            <translation>The templates of this inspection ({0}) have no newer edition.</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/template_actions.py" line="80" />
            <source>已改用 {0}：{1} 项答案带入，{2} 项需要重新判定。</source>
            <translation>Moved to {0}: {1} answers carried over, {2} items to judge again.</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/template_editions.py" line="38" />
            <source>从 {0} 改为 {1}：</source>
            <translation>From {0} to {1}:</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/template_editions.py" line="40" />
            <source>{0} 项未变，答案带入新版本。</source>
            <translation>{0} items unchanged; their answers carry over.</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/template_editions.py" line="41" />
            <source>新增 {0} 项</source>
            <translation>{0} items added</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/template_editions.py" line="42" />
            <source>删除 {0} 项</source>
            <translation>{0} items removed</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/template_editions.py" line="43" />
            <source>文字有改动 {0} 项（需要重新判定）</source>
            <translation>{0} items reworded (to judge again)</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/template_editions.py" line="49" />
            <source>……另有 {0} 项</source>
            <translation>… and {0} more</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/template_editions.py" line="69" />
            <location filename="../../ui/dialogs/template_editions.py" line="94" />
            <location filename="../../ui/home/home_page.py" line="413" />
            <source>新建复查</source>
            <translation>New revisit</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/template_editions.py" line="72" />
            <location filename="../../ui/home/home_page.py" line="394" />
            <source>为“{0}”新建一次复查？</source>
            <translation>Start a revisit of "{0}"?</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/template_editions.py" line="82" />
            <source>“{0}”改用新版本：{1}</source>
            <translation>"{0}" moves to the newer edition: {1}</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/template_editions.py" line="115" />
            <source>答案不变的条目照常保留；删除或改动了文字的条目，其答案不再带入（仍记录在审计日志中），整改项和照片保留在原条目上。</source>
            <translation>Answers of unchanged items stay; answers of removed or reworded items do not carry over (the audit log keeps them); findings and photos stay with their items.</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/template_editions.py" line="120" />
            <source>改用新版本</source>
            <translation>Move to the new edition</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/template_import.py" line="76" />
            <source>选择文件…</source>
            <translation>Choose a file…</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/template_import.py" line="78" />
            <source>Excel 工作簿（.xlsx，版式见 README）或 Word 文档（.docx，表格或带编号的条款）</source>
            <translation>An Excel workbook (.xlsx, layout in the README) or a Word document (.docx, a table or numbered clauses)</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/template_import.py" line="87" />
            <location filename="../../ui/dialogs/template_manager.py" line="33" />
            <location filename="../../ui/dialogs/template_manager.py" line="63" />
            <location filename="../../ui/home/new_inspection.py" line="178" />
            <location filename="../../ui/inspection_view/summary_tab.py" line="312" />
            <location filename="../../ui/office/ranking_view.py" line="173" />
            <source>编号</source>
            <translation>No.</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/template_import.py" line="87" />
            <location filename="../../ui/dialogs/template_manager.py" line="33" />
            <location filename="../../ui/dialogs/template_manager.py" line="63" />
            <location filename="../../ui/home/new_inspection.py" line="178" />
            <source>标题</source>
            <translation>Title</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/template_import.py" line="87" />
            <location filename="../../ui/home/new_inspection.py" line="143" />
            <source>类型</source>
            <translation>Type</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/template_import.py" line="87" />
            <source>行</source>
            <translation>Row</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/template_import.py" line="92" />
            <location filename="../../ui/dialogs/template_import.py" line="157" />
            <source>问题</source>
            <translation>Problems</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/template_import.py" line="96" />
            <source>识别出的条目</source>
            <translation>Items recognised</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/template_import.py" line="109" />
            <source>导入</source>
            <translation>Import</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/template_import.py" line="126" />
            <source>选择检查模板文件</source>
            <translation>Choose a checklist template file</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/template_import.py" line="127" />
            <source>检查模板 (*.xlsx *.docx);;Excel 工作簿 (*.xlsx);;Word 文档 (*.docx)</source>
            <translation>Checklist templates (*.xlsx *.docx);;Excel workbooks (*.xlsx);;Word documents (*.docx)</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/template_import.py" line="134" />
            <location filename="../../ui/home/home_page.py" line="174" />
            <location filename="../../ui/office/hub_files.py" line="184" />
            <location filename="../../ui/office/hub_files.py" line="247" />
            <location filename="../../ui/office/review_page.py" line="209" />
            <location filename="../../ui/office/trends_view.py" line="135" />
            <source>正在读取…</source>
            <translation>Reading…</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/template_import.py" line="146" />
            <source>无法读取</source>
            <translation>Cannot be read</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/template_import.py" line="147" />
            <source>这个文件不能作为检查模板导入。</source>
            <translation>This file cannot be imported as a checklist template.</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/template_import.py" line="155" />
            <source>选择文件后，这里显示程序识别出的条目树和每一处问题（按行号），确认无误后再导入。</source>
            <translation>Once a file is chosen, the items recognised and every problem (by row) show here; import when all is right.</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/template_import.py" line="163" />
            <source>问题（{0} 处）</source>
            <translation>Problems ({0})</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/template_import.py" line="164" />
            <source>问题：无</source>
            <translation>Problems: none</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/template_import.py" line="170" />
            <location filename="../../ui/home/new_inspection.py" line="215" />
            <source>{0} 项</source>
            <translation>{0} items</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/template_import.py" line="176" />
            <source>有 {0} 处问题，改正后重新选择文件；有问题的文件不会导入任何内容。</source>
            <translation>{0} problems: correct them and choose the file again; nothing is imported from a file with problems.</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/template_import.py" line="199" />
            <source>未导入</source>
            <translation>Not imported</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/template_manager.py" line="33" />
            <source>文件编号</source>
            <translation>Document number</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/template_manager.py" line="33" />
            <location filename="../../ui/office/inspections_view.py" line="42" />
            <location filename="../../ui/office/trends_view.py" line="179" />
            <location filename="../../ui/reports/revisions_dialog.py" line="74" />
            <source>版本</source>
            <translation>Revision</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/template_manager.py" line="33" />
            <source>来源</source>
            <translation>Source</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/template_manager.py" line="33" />
            <location filename="../../ui/home/inspection_list.py" line="342" />
            <location filename="../../ui/inspection_view/summary_tab.py" line="329" />
            <location filename="../../ui/office/review_page.py" line="107" />
            <location filename="../../ui/office/tracker_view.py" line="46" />
            <source>条目</source>
            <translation>Item</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/template_manager.py" line="33" />
            <source>检查</source>
            <translation>Inspections</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/template_manager.py" line="34" />
            <location filename="../../ui/home/inspection_list.py" line="65" />
            <location filename="../../ui/inspection_view/summary_tab.py" line="312" />
            <location filename="../../ui/inspection_view/summary_tab.py" line="329" />
            <location filename="../../ui/office/inspections_view.py" line="41" />
            <location filename="../../ui/reports/revisions_dialog.py" line="74" />
            <source>状态</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/template_manager.py" line="48" />
            <source>检查模板管理</source>
            <translation>Checklist templates</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/template_manager.py" line="66" />
            <source>导入模板…</source>
            <translation>Import a template…</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/template_manager.py" line="67" />
            <source>导出为 Excel…</source>
            <translation>Export to Excel…</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/template_manager.py" line="68" />
            <location filename="../../ui/dialogs/template_manager.py" line="139" />
            <location filename="../../ui/dialogs/template_manager.py" line="188" />
            <source>停用</source>
            <translation>Retire</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/template_manager.py" line="105" />
            <source>内置</source>
            <translation>Built in</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/template_manager.py" line="105" />
            <source>导入：{0}</source>
            <translation>Imported: {0}</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/template_manager.py" line="106" />
            <source>已停用</source>
            <translation>Retired</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/template_manager.py" line="106" />
            <source>使用中</source>
            <translation>In use</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/template_manager.py" line="139" />
            <source>重新启用</source>
            <translation>Restore</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/template_manager.py" line="143" />
            <source>{0} 停用：新检查不再提供此模板，已有的检查照常使用。{1}</source>
            <translation>Retired {0}: new inspections no longer offer it; existing ones keep using it. {1}</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/template_manager.py" line="146" />
            <source>{0} 由 {1} 导入</source>
            <translation>Imported {0} by {1}</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/template_manager.py" line="147" />
            <source>（未知）</source>
            <translation>(unknown)</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/template_manager.py" line="164" />
            <source>导出检查模板</source>
            <translation>Export the checklist template</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/template_manager.py" line="164" />
            <location filename="../../ui/office/ranking_view.py" line="201" />
            <location filename="../../ui/office/tracker_view.py" line="143" />
            <location filename="../../ui/reports/export_dialogs.py" line="209" />
            <source>Excel 工作簿 (*.xlsx)</source>
            <translation>Excel workbooks (*.xlsx)</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/template_manager.py" line="170" />
            <source>已导出：{0}</source>
            <translation>Exported: {0}</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/template_manager.py" line="183" />
            <source>新检查不再提供此模板；已有的 {0} 次检查照常使用它，报告不受影响。以后可以重新启用。</source>
            <translation>New inspections will no longer offer this template; the {0} inspections that use it keep it and their reports are not affected. It can be restored later.</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/template_manager.py" line="186" />
            <source>这是程序内置的模板。</source>
            <translation> This is a built-in template.</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/template_manager.py" line="187" />
            <source>停用检查模板</source>
            <translation>Retire the checklist template</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/template_manager.py" line="187" />
            <source>停用“{0}”？</source>
            <translation>Retire "{0}"?</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/template_menu.py" line="66" />
            <source>导入检查模板…</source>
            <translation>Import a checklist template…</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/template_menu.py" line="67" />
            <source>检查模板管理…</source>
            <translation>Checklist templates…</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/template_menu.py" line="68" />
            <source>改用新版本模板…</source>
            <translation>Move to a newer edition…</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/template_menu.py" line="99" />
            <source>打开一次检查后，可改用其检查模板的新版本</source>
            <translation>Open an inspection to move it to a newer edition of its template</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/template_menu.py" line="101" />
            <source>该检查已签署；重新打开（新修订版）后才能改用新版本模板</source>
            <translation>This inspection is signed; reopen it (new revision) before moving it to a newer edition</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/template_menu.py" line="106" />
            <source>把本检查改用“{0}”：文字未变的条目保留答案</source>
            <translation>Move this inspection to "{0}": items whose wording did not change keep their answers</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/template_menu.py" line="109" />
            <source>本检查的模板“{0}”没有更新的版本；导入新版本后可用</source>
            <translation>There is no newer edition of this inspection's template "{0}"; import one to use this</translation>
        </message>
        <message>
            <location filename="../../ui/home/demo_flow.py" line="52" />
            <source>正在生成示例检查，包括几张现场照片，需要几秒钟…</source>
            <translation>Creating the demo inspection with a few site photos; this takes a few seconds…</translation>
        </message>
        <message>
            <location filename="../../ui/home/demo_flow.py" line="54" />
            <location filename="../../ui/home/welcome.py" line="72" />
            <location filename="../../ui/window_menus.py" line="33" />
            <source>打开示例检查</source>
            <translation>Open the demo inspection</translation>
        </message>
        <message>
            <location filename="../../ui/home/demo_flow.py" line="80" />
            <source>无法打开示例检查</source>
            <translation>Could not open the demo inspection</translation>
        </message>
        <message>
            <location filename="../../ui/home/home_page.py" line="111" />
            <source>检查记录</source>
            <translation>Inspections</translation>
        </message>
        <message>
            <location filename="../../ui/home/home_page.py" line="116" />
            <location filename="../../ui/window_menus.py" line="31" />
            <source>新建检查…</source>
            <translation>New inspection…</translation>
        </message>
        <message>
            <location filename="../../ui/home/home_page.py" line="121" />
            <source>搜索园区、检查人员、备注、整改或条目</source>
            <translation>Search parks, inspectors, notes, findings or items</translation>
        </message>
        <message>
            <location filename="../../ui/home/home_page.py" line="122" />
            <source>按园区名称、检查人员或报告编号查找；也会查找备注、整改要求，以及判为不符合或写了备注的条目</source>
            <translation>Finds parks, inspectors and report numbers; also notes, rectification requirements, and items judged non-compliant or given a note</translation>
        </message>
        <message>
            <location filename="../../ui/home/home_page.py" line="136" />
            <location filename="../../ui/office/inspections_view.py" line="96" />
            <source>全部状态</source>
            <translation>All statuses</translation>
        </message>
        <message>
            <location filename="../../ui/home/home_page.py" line="141" />
            <location filename="../../ui/home/inspection_list.py" line="65" />
            <location filename="../../ui/home/new_inspection.py" line="244" />
            <location filename="../../ui/office/inspections_view.py" line="41" />
            <location filename="../../ui/office/ranking_view.py" line="138" />
            <location filename="../../ui/office/tracker_view.py" line="47" />
            <location filename="../../ui/office/trends_view.py" line="179" />
            <source>检查日期</source>
            <translation>Date</translation>
        </message>
        <message>
            <location filename="../../ui/home/home_page.py" line="192" />
            <location filename="../../ui/reports/export_dialogs.py" line="129" />
            <source>打开</source>
            <translation>Open</translation>
        </message>
        <message>
            <location filename="../../ui/home/home_page.py" line="194" />
            <source>新建复查…</source>
            <translation>New revisit…</translation>
        </message>
        <message>
            <location filename="../../ui/home/home_page.py" line="195" />
            <source>对同一园区再检查一次：模板相同，答案清空，未完成的整改带入</source>
            <translation>Inspect the same park again: same templates, answers cleared, open rectifications carried over</translation>
        </message>
        <message>
            <location filename="../../ui/home/home_page.py" line="197" />
            <source>删除草稿…</source>
            <translation>Delete draft…</translation>
        </message>
        <message>
            <location filename="../../ui/home/home_page.py" line="202" />
            <source>没有符合筛选条件的检查。</source>
            <translation>No inspection matches the filter.</translation>
        </message>
        <message>
            <location filename="../../ui/home/home_page.py" line="217" />
            <source>至</source>
            <translation>to</translation>
        </message>
        <message>
            <location filename="../../ui/home/home_page.py" line="228" />
            <source>双击或按回车键打开检查</source>
            <translation>Double-click or press Enter to open an inspection</translation>
        </message>
        <message>
            <location filename="../../ui/home/home_page.py" line="317" />
            <source>显示 {0} / 共 {1} 次检查</source>
            <translation>Showing {0} of {1} inspections</translation>
        </message>
        <message>
            <location filename="../../ui/home/home_page.py" line="319" />
            <source>共 {0} 次检查</source>
            <translation>{0} inspections</translation>
        </message>
        <message>
            <location filename="../../ui/home/home_page.py" line="349" />
            <source>先在列表中选择一个检查草稿</source>
            <translation>Select a draft inspection in the list first</translation>
        </message>
        <message>
            <location filename="../../ui/home/home_page.py" line="351" />
            <source>删除这个还没有任何记录的草稿</source>
            <translation>Delete this draft, which has nothing recorded yet</translation>
        </message>
        <message>
            <location filename="../../ui/home/home_page.py" line="354" />
            <source>只能删除草稿。这个检查已有记录（状态：{0}），为保证记录完整不能删除。</source>
            <translation>Only drafts can be deleted. This inspection has records (status: {0}) and is kept so that the record stays complete.</translation>
        </message>
        <message>
            <location filename="../../ui/home/home_page.py" line="388" />
            <source>上次检查中尚未整改的问题会带入复查，逐项核实。</source>
            <translation>Rectifications still open from the earlier inspection are carried into the revisit, to be checked one by one.</translation>
        </message>
        <message>
            <location filename="../../ui/home/home_page.py" line="390" />
            <source>上次检查中尚未整改的 {0} 项问题会带入复查，逐项核实。</source>
            <translation>Rectifications still open from the earlier inspection ({0}) are carried into the revisit, to be checked one by one.</translation>
        </message>
        <message>
            <location filename="../../ui/home/home_page.py" line="393" />
            <source>上次检查没有待整改的问题。</source>
            <translation>The earlier inspection has no open rectifications.</translation>
        </message>
        <message>
            <location filename="../../ui/home/home_page.py" line="402" />
            <source>检查日期为今天。所有答案会清空，需要重新判定；{0}改用新版本时，整改项随其条目带入新版本（条目已删除的留在上次检查中）。</source>
            <translation>The date of the visit is today. All answers are cleared and judged again; {0} With a newer edition, open findings move with their items (those whose item was removed stay in the earlier inspection).</translation>
        </message>
        <message>
            <location filename="../../ui/home/home_page.py" line="410" />
            <source>复查使用与 {0} 那次检查相同的检查模板（{1}），检查日期为今天。所有答案会清空，需要重新判定；{2}</source>
            <translation>The revisit uses the same templates as the inspection of {0} ({1}) and is dated today. All answers are cleared and must be judged again; {2}</translation>
        </message>
        <message>
            <location filename="../../ui/home/home_page.py" line="429" />
            <source>删除“{0}” {1} 的检查草稿？</source>
            <translation>Delete the draft inspection of "{0}" on {1}?</translation>
        </message>
        <message>
            <location filename="../../ui/home/home_page.py" line="430" />
            <source>这个草稿还没有判定任何检查项。删除后，草稿连同其中的照片和整改记录都不能恢复。</source>
            <translation>No item of this draft has been judged yet. Once deleted, the draft and any photos and rectifications in it cannot be recovered.</translation>
        </message>
        <message>
            <location filename="../../ui/home/home_page.py" line="431" />
            <source>删除草稿</source>
            <translation>Delete draft</translation>
        </message>
        <message>
            <location filename="../../ui/home/home_page.py" line="431" />
            <location filename="../../ui/inspection_view/findings.py" line="261" />
            <location filename="../../ui/photos/photo_strip.py" line="277" />
            <location filename="../../ui/reports/signatures_dialog.py" line="288" />
            <location filename="../../ui/reports/signatures_dialog.py" line="304" />
            <source>删除</source>
            <translation>Delete</translation>
        </message>
        <message>
            <location filename="../../ui/home/inspection_list.py" line="65" />
            <location filename="../../ui/home/new_inspection.py" line="103" />
            <location filename="../../ui/office/inspections_view.py" line="41" />
            <location filename="../../ui/office/room.py" line="174" />
            <location filename="../../ui/office/tracker_view.py" line="46" />
            <location filename="../../ui/office/trends_view.py" line="64" />
            <source>园区</source>
            <translation>Park</translation>
        </message>
        <message>
            <location filename="../../ui/home/inspection_list.py" line="65" />
            <location filename="../../ui/home/new_inspection.py" line="245" />
            <location filename="../../ui/hub/settings_dialog.py" line="33" />
            <location filename="../../ui/office/inspections_view.py" line="41" />
            <location filename="../../ui/office/room.py" line="41" />
            <location filename="../../ui/office/room.py" line="178" />
            <location filename="../../ui/office/tracker_view.py" line="47" />
            <source>检查人员</source>
            <translation>Inspectors</translation>
        </message>
        <message>
            <location filename="../../ui/home/inspection_list.py" line="65" />
            <location filename="../../ui/home/new_inspection.py" line="164" />
            <source>检查模板</source>
            <translation>Templates</translation>
        </message>
        <message>
            <location filename="../../ui/home/inspection_list.py" line="66" />
            <source>进度</source>
            <translation>Progress</translation>
        </message>
        <message>
            <location filename="../../ui/home/inspection_list.py" line="66" />
            <location filename="../../ui/office/ranking_view.py" line="136" />
            <source>得分</source>
            <translation>Score</translation>
        </message>
        <message>
            <location filename="../../ui/home/inspection_list.py" line="66" />
            <location filename="../../ui/inspection_view/summary_tab.py" line="233" />
            <location filename="../../ui/office/ranking_view.py" line="136" />
            <location filename="../../ui/office/ranking_view.py" line="171" />
            <location filename="../../ui/office/ranking_view.py" line="248" />
            <source>星级</source>
            <translation>Stars</translation>
        </message>
        <message>
            <location filename="../../ui/home/inspection_list.py" line="244" />
            <location filename="../../ui/inspection_view/summary_tab.py" line="231" />
            <source>无法评定</source>
            <translation>Cannot be rated</translation>
        </message>
        <message>
            <location filename="../../ui/home/inspection_list.py" line="269" />
            <source>报告编号：{0}</source>
            <translation>Report number: {0}</translation>
        </message>
        <message>
            <location filename="../../ui/home/inspection_list.py" line="271" />
            <source>这是一次复查</source>
            <translation>This is a revisit</translation>
        </message>
        <message>
            <location filename="../../ui/home/inspection_list.py" line="279" />
            <source>无法计算这次检查的结果；详细信息已记录在日志中。</source>
            <translation>The results of this inspection could not be worked out; the details are in the log.</translation>
        </message>
        <message>
            <location filename="../../ui/home/inspection_list.py" line="281" />
            <location filename="../../ui/inspection_view/summary_tab.py" line="164" />
            <source>正在计算…</source>
            <translation>Calculating…</translation>
        </message>
        <message>
            <location filename="../../ui/home/inspection_list.py" line="283" />
            <source>已判定 {0} 项，共 {1} 项</source>
            <translation>{0} of {1} items judged</translation>
        </message>
        <message>
            <location filename="../../ui/home/inspection_list.py" line="285" />
            <source>符合性检查的加权得分</source>
            <translation>Weighted compliance score</translation>
        </message>
        <message>
            <location filename="../../ui/home/inspection_list.py" line="286" />
            <source>还没有可计分的答案，或未应用符合性检查模板</source>
            <translation>No scored answers yet, or no compliance template applied</translation>
        </message>
        <message>
            <location filename="../../ui/home/inspection_list.py" line="291" />
            <source>星级评定所需的数据还没有填全</source>
            <translation>The star rating still needs some measurements</translation>
        </message>
        <message>
            <location filename="../../ui/home/inspection_list.py" line="342" />
            <location filename="../../ui/inspection_view/item_panel.py" line="123" />
            <source>备注</source>
            <translation>Note</translation>
        </message>
        <message>
            <location filename="../../ui/home/inspection_list.py" line="342" />
            <source>整改</source>
            <translation>a finding</translation>
        </message>
        <message>
            <location filename="../../ui/home/inspection_list.py" line="343" />
            <source>在{0}中找到：{1}</source>
            <translation>Found in {0}: {1}</translation>
        </message>
        <message>
            <location filename="../../ui/home/new_inspection.py" line="72" />
            <source>创建并开始检查</source>
            <translation>Create and start</translation>
        </message>
        <message>
            <location filename="../../ui/home/new_inspection.py" line="88" />
            <source>放弃新建检查？</source>
            <translation>Discard the new inspection?</translation>
        </message>
        <message>
            <location filename="../../ui/home/new_inspection.py" line="88" />
            <source>已经填写的内容不会保存。</source>
            <translation>What you have filled in will not be saved.</translation>
        </message>
        <message>
            <location filename="../../ui/home/new_inspection.py" line="104" />
            <source>已检查过的园区</source>
            <translation>A park inspected before</translation>
        </message>
        <message>
            <location filename="../../ui/home/new_inspection.py" line="105" />
            <source>新园区</source>
            <translation>A new park</translation>
        </message>
        <message>
            <location filename="../../ui/home/new_inspection.py" line="109" />
            <source>输入园区名称搜索</source>
            <translation>Type to search park names</translation>
        </message>
        <message>
            <location filename="../../ui/home/new_inspection.py" line="118" />
            <source>例如：星河智造小微企业园</source>
            <translation>e.g. Xinghe Smart Manufacturing Park</translation>
        </message>
        <message>
            <location filename="../../ui/home/new_inspection.py" line="142" />
            <location filename="../../ui/hub/settings_dialog.py" line="71" />
            <source>地址</source>
            <translation>Address</translation>
        </message>
        <message>
            <location filename="../../ui/home/new_inspection.py" line="176" />
            <source>预览</source>
            <translation>Preview</translation>
        </message>
        <message>
            <location filename="../../ui/home/new_inspection.py" line="181" />
            <source>点击模板旁的“预览”，在这里查看它的条目</source>
            <translation>Click “Preview” beside a template to see its items here</translation>
        </message>
        <message>
            <location filename="../../ui/home/new_inspection.py" line="204" />
            <source>查看这个模板的条目</source>
            <translation>Show this template's items</translation>
        </message>
        <message>
            <location filename="../../ui/home/new_inspection.py" line="228" />
            <source>预览：{0}（{1} 项）</source>
            <translation>Preview: {0} ({1} items)</translation>
        </message>
        <message>
            <location filename="../../ui/home/new_inspection.py" line="234" />
            <source>本次检查</source>
            <translation>This inspection</translation>
        </message>
        <message>
            <location filename="../../ui/home/new_inspection.py" line="239" />
            <source>多名检查人员用“、”分隔，例如：张三、李四</source>
            <translation>Separate several inspectors with "、" or commas, e.g. Zhang San, Li Si</translation>
        </message>
        <message>
            <location filename="../../ui/home/new_inspection.py" line="246" />
            <location filename="../../ui/office/ranking_view.py" line="138" />
            <source>检查单位</source>
            <translation>Organisation</translation>
        </message>
        <message>
            <location filename="../../ui/home/new_inspection.py" line="293" />
            <source>请选择一个园区</source>
            <translation>Choose a park</translation>
        </message>
        <message>
            <location filename="../../ui/home/new_inspection.py" line="295" />
            <source>没有名为“{0}”的园区；要新建，请选择“新园区”</source>
            <translation>There is no park named "{0}"; to add it, choose "A new park"</translation>
        </message>
        <message>
            <location filename="../../ui/home/new_inspection.py" line="299" />
            <source>请填写园区名称</source>
            <translation>Enter the park's name</translation>
        </message>
        <message>
            <location filename="../../ui/home/new_inspection.py" line="302" />
            <source>已有名为“{0}”的园区。&lt;a href="use"&gt;改为选择这个园区&lt;/a&gt;</source>
            <translation>A park named "{0}" already exists. &lt;a href="use"&gt;Choose that park instead&lt;/a&gt;</translation>
        </message>
        <message>
            <location filename="../../ui/home/new_inspection.py" line="306" />
            <source>请至少选择一个检查模板</source>
            <translation>Choose at least one template</translation>
        </message>
        <message>
            <location filename="../../ui/home/new_inspection.py" line="308" />
            <source>请至少填写一名检查人员</source>
            <translation>Enter at least one inspector</translation>
        </message>
        <message>
            <location filename="../../ui/home/new_inspection.py" line="316" />
            <source>类型：{0}　地址：{1}</source>
            <translation>Type: {0}   Address: {1}</translation>
        </message>
        <message>
            <location filename="../../ui/home/new_inspection.py" line="319" />
            <source>星级按园区类型评定，本次按“{0}”评定。</source>
            <translation>Star ratings depend on the park type; this one is rated as "{0}".</translation>
        </message>
        <message>
            <location filename="../../ui/home/new_inspection.py" line="336" />
            <source>选择园区</source>
            <translation>choose a park</translation>
        </message>
        <message>
            <location filename="../../ui/home/new_inspection.py" line="336" />
            <source>填写园区名称</source>
            <translation>enter the park name</translation>
        </message>
        <message>
            <location filename="../../ui/home/new_inspection.py" line="336" />
            <source>改正园区位置</source>
            <translation>correct the park location</translation>
        </message>
        <message>
            <location filename="../../ui/home/new_inspection.py" line="337" />
            <source>选择检查模板</source>
            <translation>choose templates</translation>
        </message>
        <message>
            <location filename="../../ui/home/new_inspection.py" line="337" />
            <source>填写检查人员</source>
            <translation>enter inspectors</translation>
        </message>
        <message>
            <location filename="../../ui/home/new_inspection.py" line="338" />
            <source>还需要：{0}</source>
            <translation>Still needed: {0}</translation>
        </message>
        <message>
            <location filename="../../ui/home/new_inspection.py" line="383" />
            <source>无法创建检查</source>
            <translation>Could not create the inspection</translation>
        </message>
        <message>
            <location filename="../../ui/home/welcome.py" line="61" />
            <source>带着笔记本电脑到园区现场，不需要网络：按标准生成的检查表逐项判定，拍照取证，记录需要整改的问题，请园区代表签字，离开前生成带签名的检查报告。每一项修改都会立即保存在本机。</source>
            <translation>Take your laptop to the park, no network needed: judge each item of a checklist generated from the standards, take photos as evidence, record what must be rectified, have the park's representative sign, and leave with a signed inspection report. Every change is saved on this computer at once.</translation>
        </message>
        <message>
            <location filename="../../ui/home/welcome.py" line="70" />
            <source>选择园区和检查标准，开始一次检查</source>
            <translation>Choose a park and the standards, and start inspecting</translation>
        </message>
        <message>
            <location filename="../../ui/home/welcome.py" line="73" />
            <source>看看一次填写好的检查是什么样子</source>
            <translation>See what a filled-in inspection looks like</translation>
        </message>
        <message>
            <location filename="../../ui/hub/settings_dialog.py" line="33" />
            <location filename="../../ui/office/room.py" line="41" />
            <source>审核人员</source>
            <translation>reviewer</translation>
        </message>
        <message>
            <location filename="../../ui/hub/settings_dialog.py" line="33" />
            <location filename="../../ui/office/room.py" line="41" />
            <source>管理员</source>
            <translation>administrator</translation>
        </message>
        <message>
            <location filename="../../ui/hub/settings_dialog.py" line="34" />
            <location filename="../../ui/office/room.py" line="42" />
            <source>数据库超级用户</source>
            <translation>database superuser</translation>
        </message>
        <message>
            <location filename="../../ui/hub/settings_dialog.py" line="35" />
            <location filename="../../ui/office/room.py" line="42" />
            <source>无中心角色</source>
            <translation>no hub role</translation>
        </message>
        <message>
            <location filename="../../ui/hub/settings_dialog.py" line="57" />
            <source>已保存（留空则不变）</source>
            <translation>Saved (leave empty to keep it)</translation>
        </message>
        <message>
            <location filename="../../ui/hub/settings_dialog.py" line="58" />
            <source>同步时也把草稿和检查中的检查备份到中心</source>
            <translation>Also back up drafts and inspections in progress to the hub when syncing</translation>
        </message>
        <message>
            <location filename="../../ui/hub/settings_dialog.py" line="60" />
            <source>测试连接</source>
            <translation>Test connection</translation>
        </message>
        <message>
            <location filename="../../ui/hub/settings_dialog.py" line="72" />
            <source>用户名</source>
            <translation>User name</translation>
        </message>
        <message>
            <location filename="../../ui/hub/settings_dialog.py" line="73" />
            <location filename="../../ui/reports/key_forms.py" line="223" />
            <source>密码</source>
            <translation>Password</translation>
        </message>
        <message>
            <location filename="../../ui/hub/settings_dialog.py" line="85" />
            <source>办公室的 PostgreSQL 中心服务器：填写管理员给出的地址、用户名和密码。密码保存在数据文件夹中只有本用户可读的文件里。没有网络时照常工作，下次同步时再上传。</source>
            <translation>The office's PostgreSQL hub: enter the address, user name and password your administrator gave you. The password is kept in a file of the data folder that only you can read. Without a network you work as usual; the next sync sends your work.</translation>
        </message>
        <message>
            <location filename="../../ui/hub/settings_dialog.py" line="115" />
            <source>请填写中心服务器的地址</source>
            <translation>Enter the hub's address</translation>
        </message>
        <message>
            <location filename="../../ui/hub/settings_dialog.py" line="118" />
            <location filename="../../ui/hub/settings_dialog.py" line="148" />
            <source>正在连接…</source>
            <translation>Connecting…</translation>
        </message>
        <message>
            <location filename="../../ui/hub/settings_dialog.py" line="124" />
            <source>连接成功：{0}，{1}</source>
            <translation>Connected: {0}, {1}</translation>
        </message>
        <message>
            <location filename="../../ui/hub/settings_dialog.py" line="130" />
            <source>详细信息：{0}</source>
            <translation>Details: {0}</translation>
        </message>
        <message>
            <location filename="../../ui/hub/sync_flow.py" line="38" />
            <source>{0}月{1}日 {2}</source>
            <translation>{1}/{0} {2}</translation>
        </message>
        <message>
            <location filename="../../ui/hub/sync_flow.py" line="49" />
            <location filename="../../ui/hub/sync_flow.py" line="77" />
            <source>尚未同步</source>
            <translation>never synced</translation>
        </message>
        <message>
            <location filename="../../ui/hub/sync_flow.py" line="51" />
            <source>上次同步 {0}</source>
            <translation>last sync {0}</translation>
        </message>
        <message>
            <location filename="../../ui/hub/sync_flow.py" line="53" />
            <source>离线（{0} 连接不上）</source>
            <translation>offline (could not connect at {0})</translation>
        </message>
        <message>
            <location filename="../../ui/hub/sync_flow.py" line="53" />
            <source>上次同步未完成（{0}）</source>
            <translation>last sync unfinished ({0})</translation>
        </message>
        <message>
            <location filename="../../ui/hub/sync_flow.py" line="54" />
            <source> · </source>
            <translation> · </translation>
        </message>
        <message>
            <location filename="../../ui/hub/sync_flow.py" line="55" />
            <source>上次成功同步 {0}</source>
            <translation>last successful sync {0}</translation>
        </message>
        <message>
            <location filename="../../ui/hub/sync_flow.py" line="55" />
            <source>从未成功同步</source>
            <translation>never synced successfully</translation>
        </message>
        <message>
            <location filename="../../ui/hub/sync_flow.py" line="56" />
            <source>中心服务器：{0}</source>
            <translation>Hub: {0}</translation>
        </message>
        <message>
            <location filename="../../ui/hub/sync_flow.py" line="58" />
            <source>中心：{0} · 待上传 {1} 项</source>
            <translation>Hub: {0} · {1} waiting to go</translation>
        </message>
        <message>
            <location filename="../../ui/hub/sync_flow.py" line="60" />
            <source>中心：{0} · 只下载</source>
            <translation>Hub: {0} · download only</translation>
        </message>
        <message>
            <location filename="../../ui/hub/sync_flow.py" line="61" />
            <source>以审核或管理账户连接：同步只下载，不上传本机的检查（导入的检查包由其检查人员上传）</source>
            <translation>Connected with a reviewer's or administrator's account: syncs only download and upload none of this computer's inspections (an imported bundle is uploaded by its inspector)</translation>
        </message>
        <message>
            <location filename="../../ui/hub/sync_flow.py" line="65" />
            <source>中心不接受 {0} {1}（不再上传，检查有改动时再试）：{2}</source>
            <translation>The hub does not take {0} {1} (not offered again until the inspection changes): {2}</translation>
        </message>
        <message>
            <location filename="../../ui/hub/sync_flow.py" line="68" />
            <source>园区待办公室核对：{0}</source>
            <translation>Park waiting for the office to check: {0}</translation>
        </message>
        <message>
            <location filename="../../ui/hub/sync_flow.py" line="80" />
            <source>部分完成</source>
            <translation>partly done</translation>
        </message>
        <message>
            <location filename="../../ui/hub/sync_flow.py" line="81" />
            <source>上次同步：{0}（{1}）</source>
            <translation>Last sync: {0} ({1})</translation>
        </message>
        <message>
            <location filename="../../ui/hub/sync_flow.py" line="83" />
            <source>上次成功同步：{0}</source>
            <translation>Last successful sync: {0}</translation>
        </message>
        <message>
            <location filename="../../ui/hub/sync_flow.py" line="84" />
            <source>上次成功同步：从未成功同步</source>
            <translation>Last successful sync: never</translation>
        </message>
        <message>
            <location filename="../../ui/hub/sync_flow.py" line="85" />
            <source>上次尝试：{0}，连接不上</source>
            <translation>Last attempt: {0}, could not connect</translation>
        </message>
        <message>
            <location filename="../../ui/hub/sync_flow.py" line="86" />
            <source>上次尝试：{0}，未完成</source>
            <translation>Last attempt: {0}, not finished</translation>
        </message>
        <message>
            <location filename="../../ui/hub/sync_flow.py" line="98" />
            <source>{0} 项签署后结果未变，沿用已通过的审核</source>
            <translation>{0} signed with the approved results: the approval carries over</translation>
        </message>
        <message>
            <location filename="../../ui/hub/sync_flow.py" line="100" />
            <source>{0} 项已通过的检查结果有改动，需重新审核（待审核）</source>
            <translation>{0} approved inspections changed their results: to be reviewed again (pending)</translation>
        </message>
        <message>
            <location filename="../../ui/hub/sync_flow.py" line="118" />
            <location filename="../../ui/hub/sync_flow.py" line="196" />
            <source>同步</source>
            <translation>Sync</translation>
        </message>
        <message>
            <location filename="../../ui/hub/sync_flow.py" line="121" />
            <source>把已完成的检查上传到中心，并下载园区登记、未完成整改和审核意见</source>
            <translation>Send finished inspections to the hub and fetch the park registry, open findings and review decisions</translation>
        </message>
        <message>
            <location filename="../../ui/hub/sync_flow.py" line="181" />
            <source>请先设置中心服务器，然后再同步。</source>
            <translation>Set up the hub first, then sync.</translation>
        </message>
        <message>
            <location filename="../../ui/hub/sync_flow.py" line="195" />
            <source>正在连接中心服务器…</source>
            <translation>Connecting to the hub…</translation>
        </message>
        <message>
            <location filename="../../ui/hub/sync_flow.py" line="195" />
            <location filename="../../ui/photos/import_flow.py" line="167" />
            <location filename="../../ui/reports/export_dialogs.py" line="68" />
            <location filename="../../ui/reports/print_preview.py" line="133" />
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../../ui/hub/sync_flow.py" line="211" />
            <location filename="../../ui/reports/export_dialogs.py" line="86" />
            <source>正在取消…</source>
            <translation>Cancelling…</translation>
        </message>
        <message>
            <location filename="../../ui/hub/sync_flow.py" line="236" />
            <source>同步未完成</source>
            <translation>Sync not finished</translation>
        </message>
        <message>
            <location filename="../../ui/hub/sync_flow.py" line="243" />
            <source>中心服务器连接不上，检查保留在本机，下次同步时上传（{0}）</source>
            <translation>The hub cannot be reached; your inspections stay on this computer and go with the next sync ({0})</translation>
        </message>
        <message>
            <location filename="../../ui/hub/sync_flow.py" line="244" />
            <source>请检查网络连接和中心服务器地址</source>
            <translation>check the network connection and the hub's address</translation>
        </message>
        <message>
            <location filename="../../ui/hub/sync_flow.py" line="247" />
            <source>同步已取消；已上传的部分保留在中心</source>
            <translation>Sync cancelled; what was sent stays on the hub</translation>
        </message>
        <message>
            <location filename="../../ui/hub/sync_flow.py" line="252" />
            <source>同步完成：上传 {0} 项检查；下载未完成整改 {1} 项、审核意见 {2} 条</source>
            <translation>Sync finished: {0} inspections sent; {1} open findings and {2} review decisions fetched</translation>
        </message>
        <message>
            <location filename="../../ui/hub/sync_flow.py" line="254" />
            <location filename="../../ui/photos/photo_facts.py" line="35" />
            <location filename="../../ui/reports/sign_dialog.py" line="209" />
            <location filename="../../ui/reports/sign_dialog.py" line="251" />
            <location filename="../../ui/reports/verify_dialog.py" line="247" />
            <source>；</source>
            <translation>; </translation>
        </message>
        <message>
            <location filename="../../ui/hub/sync_flow.py" line="256" />
            <source>已上传 {0} 项检查。</source>
            <translation>{0} inspections sent.</translation>
        </message>
        <message>
            <location filename="../../ui/hub/sync_flow.py" line="260" />
            <source>中心不接受 {0} {1}（第 {2} 版）：{3}。此版本不再上传，检查有改动时再试。</source>
            <translation>The hub does not take {0} {1} (revision {2}): {3}. This revision is not offered again; it is once the inspection changes.</translation>
        </message>
        <message>
            <location filename="../../ui/hub/sync_flow.py" line="263" />
            <source>未上传 {0} {1}：{2}</source>
            <translation>Not sent {0} {1}: {2}</translation>
        </message>
        <message>
            <location filename="../../ui/hub/sync_flow.py" line="266" />
            <source>同步未全部完成</source>
            <translation>Sync partly finished</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/actions.py" line="83" />
            <location filename="../../ui/inspection_view/actions.py" line="99" />
            <source>撤销</source>
            <translation>Undo</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/actions.py" line="86" />
            <location filename="../../ui/inspection_view/actions.py" line="100" />
            <source>重做</source>
            <translation>Redo</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/actions.py" line="95" />
            <source>{0} {1}</source>
            <translation>{0} {1}</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/actions.py" line="103" />
            <source>查找条目</source>
            <translation>Find item</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/actions.py" line="104" />
            <location filename="../../ui/inspection_view/actions.py" line="162" />
            <source>结果 {0}</source>
            <translation>Result {0}</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/actions.py" line="106" />
            <source>下一个未检查条目</source>
            <translation>Next unchecked item</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/actions.py" line="107" />
            <source>上一个未检查条目</source>
            <translation>Previous unchecked item</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/actions.py" line="109" />
            <source>下一条审核意见</source>
            <translation>Next review comment</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/actions.py" line="110" />
            <source>上一条审核意见</source>
            <translation>Previous review comment</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/actions.py" line="112" />
            <source>编辑备注 / 回到检查表</source>
            <translation>Edit note / back to the checklist</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/actions.py" line="113" />
            <location filename="../../ui/inspection_view/findings.py" line="292" />
            <source>添加整改项…</source>
            <translation>Add rectification…</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/actions.py" line="114" />
            <location filename="../../ui/inspection_view/actions.py" line="170" />
            <location filename="../../ui/inspection_view/page_header.py" line="62" />
            <location filename="../../ui/inspection_view/page_header.py" line="98" />
            <location filename="../../ui/inspection_view/status.py" line="44" />
            <source>标记为已完成</source>
            <translation>Mark as completed</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/actions.py" line="115" />
            <source>园区位置…</source>
            <translation>Park location…</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/actions.py" line="119" />
            <source>为当前条目添加照片…</source>
            <translation>Add photos to this item…</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/actions.py" line="122" />
            <location filename="../../ui/inspection_view/page_header.py" line="60" />
            <source>添加整体照片…</source>
            <translation>Add general photos…</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/actions.py" line="123" />
            <location filename="../../ui/inspection_view/actions.py" line="182" />
            <source>拍照…</source>
            <translation>Take photos…</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/actions.py" line="124" />
            <location filename="../../ui/inspection_view/page.py" line="134" />
            <source>检查表</source>
            <translation>Checklist</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/actions.py" line="126" />
            <location filename="../../ui/inspection_view/page.py" line="140" />
            <source>汇总</source>
            <translation>Summary</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/actions.py" line="130" />
            <location filename="../../ui/inspection_view/checklist_pane.py" line="276" />
            <source>筛选：{0}</source>
            <translation>Filter: {0}</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/actions.py" line="140" />
            <source>跳到审核意见所在的条目（共 {0} 条）</source>
            <translation>Go to the items the office commented on ({0} in all)</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/actions.py" line="141" />
            <source>没有审核意见（中心退回并附条目意见时可用）</source>
            <translation>No review comments (available when the office returns the inspection with comments on items)</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/actions.py" line="162" />
            <source>记录结果：{0}</source>
            <translation>Record result: {0}</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/actions.py" line="169" />
            <location filename="../../ui/inspection_view/page_header.py" line="97" />
            <source>重新打开（继续检查）</source>
            <translation>Reopen (continue inspecting)</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/actions.py" line="179" />
            <source>用摄像头拍照，照片直接添加到当前条目（Ctrl+Shift+K）</source>
            <translation>Take photos with the camera, straight onto the current item (Ctrl+Shift+K)</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/actions.py" line="182" />
            <source>拍照（不可用）</source>
            <translation>Take photos (unavailable)</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/checklist_delegate.py" line="58" />
            <source>冲突待核</source>
            <translation>Conflict</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/checklist_delegate.py" line="60" />
            <location filename="../../ui/inspection_view/item_panel.py" line="268" />
            <source>逾期</source>
            <translation>Overdue</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/checklist_model.py" line="47" />
            <source>全部条目</source>
            <translation>All items</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/checklist_model.py" line="47" />
            <source>不符合 / 滞后</source>
            <translation>Non-compliant / behind</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/checklist_model.py" line="48" />
            <source>有整改项</source>
            <translation>With rectifications</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/checklist_model.py" line="48" />
            <source>无照片</source>
            <translation>Without photos</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/checklist_model.py" line="208" />
            <source>审核意见：{0}</source>
            <translation>Review comment: {0}</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/checklist_model.py" line="249" />
            <location filename="../../ui/office/review_page.py" line="298" />
            <source>已填写</source>
            <translation>Filled in</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/checklist_pane.py" line="132" />
            <source>搜索编号、标题或内容（Ctrl+F）</source>
            <translation>Search code, title or text (Ctrl+F)</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/checklist_pane.py" line="161" />
            <source>显示全部</source>
            <translation>Show all</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/checklist_pane.py" line="162" />
            <source>清除搜索和筛选</source>
            <translation>Clear the search and the filter</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/checklist_pane.py" line="168" />
            <source>没有符合筛选条件的条目</source>
            <translation>No item matches the filter</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/checklist_pane.py" line="281" />
            <source>搜索：{0}</source>
            <translation>Search: {0}</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/checklist_pane.py" line="283" />
            <source>显示 {0} / {1} 个条目</source>
            <translation>showing {0} of {1} items</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/checklist_pane.py" line="284" />
            <source>，</source>
            <translation>, </translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/conflicts.py" line="25" />
            <location filename="../../ui/inspection_view/item_panel.py" line="112" />
            <location filename="../../ui/reports/export_dialogs.py" line="208" />
            <source>检查结果</source>
            <translation>Result</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/conflicts.py" line="25" />
            <location filename="../../ui/inspection_view/findings.py" line="289" />
            <location filename="../../ui/inspection_view/findings.py" line="311" />
            <location filename="../../ui/office/review_page.py" line="150" />
            <source>整改项</source>
            <translation>Rectifications</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/conflicts.py" line="25" />
            <location filename="../../ui/office/inspections_view.py" line="42" />
            <location filename="../../ui/office/review_page.py" line="148" />
            <location filename="../../ui/office/tracker_view.py" line="47" />
            <location filename="../../ui/photos/photo_strip.py" line="190" />
            <location filename="../../ui/photos/photo_viewer.py" line="158" />
            <source>照片</source>
            <translation>Photos</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/conflicts.py" line="26" />
            <source>手写签名</source>
            <translation>Handwritten signature</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/conflicts.py" line="26" />
            <source>检查信息</source>
            <translation>Inspection details</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/conflicts.py" line="33" />
            <source>（已删除）</source>
            <translation>(deleted)</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/conflicts.py" line="35" />
            <source>未选结果</source>
            <translation>no result</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/conflicts.py" line="39" />
            <location filename="../../ui/office/review_page.py" line="382" />
            <source>备注：{0}</source>
            <translation>note: {0}</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/conflicts.py" line="42" />
            <location filename="../../ui/inspection_view/findings.py" line="243" />
            <location filename="../../ui/inspection_view/summary_tab.py" line="325" />
            <location filename="../../ui/office/review_decision.py" line="33" />
            <source>已整改</source>
            <translation>Rectified</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/conflicts.py" line="42" />
            <location filename="../../ui/inspection_view/findings.py" line="243" />
            <location filename="../../ui/inspection_view/summary_tab.py" line="234" />
            <location filename="../../ui/inspection_view/summary_tab.py" line="326" />
            <location filename="../../ui/office/review_decision.py" line="33" />
            <source>待整改</source>
            <translation>Open</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/conflicts.py" line="47" />
            <source>{0}，归于 {1}{2}</source>
            <translation>{0}, on {1}{2}</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/conflicts.py" line="48" />
            <source>，已删除</source>
            <translation>, deleted</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/conflicts.py" line="50" />
            <source>{0} 的签名（{1}）</source>
            <translation>{0}'s signature ({1})</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/conflicts.py" line="51" />
            <source>日期 {0}；检查人员 {1}；单位 {2}</source>
            <translation>date {0}; inspectors {1}; organisation {2}</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/conflicts.py" line="113" />
            <source>&lt;b style='color:{0}'&gt;冲突待核&lt;/b&gt;　两台电脑都改过此条目，请选定保留哪一方（选定后可撤销）：</source>
            <translation>&lt;b style='color:{0}'&gt;Conflict to review&lt;/b&gt;  This item was changed on two computers; pick which side to keep (the pick can be undone):</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/conflicts.py" line="129" />
            <source>保留本机</source>
            <translation>Keep Mine</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/conflicts.py" line="130" />
            <source>采用对方</source>
            <translation>Take Theirs</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/conflicts.py" line="132" />
            <source>本机</source>
            <translation>This computer</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/conflicts.py" line="133" />
            <source>对方（{0}）</source>
            <translation>Theirs ({0})</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/conflicts.py" line="133" />
            <source>导入的检查包</source>
            <translation>the imported bundle</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/conflicts.py" line="154" />
            <source>保留本机：{0}</source>
            <translation>Keep mine: {0}</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/conflicts.py" line="154" />
            <source>采用对方：{0}</source>
            <translation>Take theirs: {0}</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/evidence_notice.py" line="37" />
            <source>和</source>
            <translation> and </translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/evidence_notice.py" line="38" />
            <source>证据要求：{0}需要{1}</source>
            <translation>Evidence rule: {0} needs {1}</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/evidence_notice.py" line="41" />
            <source>——尚缺：{0}（签署时需补充或说明理由）</source>
            <translation> — missing: {0} (add it, or give a reason when signing)</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/evidence_notice.py" line="44" />
            <source>——已齐全</source>
            <translation> — complete</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/findings.py" line="48" />
            <location filename="../../ui/inspection_view/summary_tab.py" line="322" />
            <location filename="../../ui/office/tracker_view.py" line="74" />
            <source>一般</source>
            <translation>Minor</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/findings.py" line="48" />
            <location filename="../../ui/inspection_view/summary_tab.py" line="322" />
            <location filename="../../ui/office/tracker_view.py" line="74" />
            <source>较重</source>
            <translation>Major</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/findings.py" line="48" />
            <location filename="../../ui/inspection_view/summary_tab.py" line="322" />
            <location filename="../../ui/office/tracker_view.py" line="74" />
            <source>严重</source>
            <translation>Critical</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/findings.py" line="62" />
            <location filename="../../ui/inspection_view/findings.py" line="354" />
            <source>编辑整改项</source>
            <translation>Edit rectification</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/findings.py" line="72" />
            <source>需要园区完成的整改内容</source>
            <translation>What the park must rectify</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/findings.py" line="75" />
            <location filename="../../ui/inspection_view/summary_tab.py" line="329" />
            <location filename="../../ui/office/tracker_view.py" line="46" />
            <source>整改要求</source>
            <translation>Requirement</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/findings.py" line="79" />
            <location filename="../../ui/office/tracker_view.py" line="46" />
            <source>严重程度</source>
            <translation>Severity</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/findings.py" line="81" />
            <location filename="../../ui/inspection_view/summary_tab.py" line="329" />
            <source>期限</source>
            <translation>Deadline</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/findings.py" line="90" />
            <location filename="../../ui/office/tracker_view.py" line="47" />
            <source>整改期限</source>
            <translation>Deadline</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/findings.py" line="108" />
            <source>责任部门或责任人</source>
            <translation>Responsible department or person</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/findings.py" line="109" />
            <location filename="../../ui/inspection_view/summary_tab.py" line="329" />
            <source>责任人</source>
            <translation>Responsible</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/findings.py" line="138" />
            <source>确定（Ctrl+Enter）</source>
            <translation>OK (Ctrl+Enter)</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/findings.py" line="146" />
            <source>注意：整改期限 {0} 早于检查日期 {1}。</source>
            <translation>Note: the deadline {0} is before the inspection date {1}.</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/findings.py" line="165" />
            <source>请填写整改要求。</source>
            <translation>Enter the requirement.</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/findings.py" line="170" />
            <source>整改期限不是有效日期，请按 2026-12-20 的格式填写，或取消勾选“期限”。</source>
            <translation>The deadline is not a valid date: write it as 2026-12-20, or untick "Deadline".</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/findings.py" line="186" />
            <location filename="../../ui/inspection_view/findings.py" line="368" />
            <source>整改完成</source>
            <translation>Rectified</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/findings.py" line="189" />
            <source>整改要求：{0}</source>
            <translation>Requirement: {0}</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/findings.py" line="193" />
            <source>整改情况说明（例如：已于 11 月 25 日更换路灯，现场复核合格）</source>
            <translation>How it was rectified (e.g. street lights replaced on 25 November, checked on site)</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/findings.py" line="198" />
            <source>接着添加整改后照片（拍照或选择文件）</source>
            <translation>Then add the photo after rectification (camera or file)</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/findings.py" line="201" />
            <source>请填写整改情况说明。</source>
            <translation>Describe how it was rectified.</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/findings.py" line="248" />
            <location filename="../../ui/office/review_decision.py" line="34" />
            <source>期限 {0}</source>
            <translation>Deadline {0}</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/findings.py" line="250" />
            <source>责任人 {0}</source>
            <translation>Responsible: {0}</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/findings.py" line="258" />
            <source>编辑…</source>
            <translation>Edit…</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/findings.py" line="259" />
            <source>重新打开</source>
            <translation>Reopen</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/findings.py" line="259" />
            <source>整改完成…</source>
            <translation>Rectified…</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/findings.py" line="269" />
            <location filename="../../ui/office/review_decision.py" line="37" />
            <source>整改情况：{0}</source>
            <translation>Rectification: {0}</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/findings.py" line="311" />
            <location filename="../../ui/inspection_view/summary_tab.py" line="318" />
            <source>整改项（{0}）</source>
            <translation>Rectifications ({0})</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/findings.py" line="317" />
            <source>无。滞后或未启动的事项可在此记录需要整改的内容。</source>
            <translation>None. For a delayed or unstarted action, record here what must be done.</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/findings.py" line="318" />
            <source>无。不符合的条目可在此记录需要园区整改的事项。</source>
            <translation>None. For a non-compliant item, record here what the park must rectify.</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/findings.py" line="377" />
            <source>重新打开整改项</source>
            <translation>Reopen rectification</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/item_note.py" line="31" />
            <source>现场情况、依据、说明……（自动保存）</source>
            <translation>What you saw, the evidence, remarks… (saved automatically)</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/item_panel.py" line="99" />
            <source>原文（繁体）</source>
            <translation>Original text (Traditional)</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/item_panel.py" line="159" />
            <source>请在左侧选择一个检查条目</source>
            <translation>Choose an item on the left</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/item_panel.py" line="203" />
            <source>&lt;b&gt;责任单位：&lt;/b&gt;</source>
            <translation>&lt;b&gt;Responsible units: &lt;/b&gt;</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/item_panel.py" line="209" />
            <source>&lt;b&gt;时间节点：&lt;/b&gt;</source>
            <translation>&lt;b&gt;Deadline: &lt;/b&gt;</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/item_panel.py" line="211" />
            <source>&lt;b&gt;所属行动：&lt;/b&gt;</source>
            <translation>&lt;b&gt;Action: &lt;/b&gt;</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/item_panel.py" line="219" />
            <source>&lt;b&gt;检查要点&lt;/b&gt;&lt;br&gt;</source>
            <translation>&lt;b&gt;What to check&lt;/b&gt;&lt;br&gt;</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/item_panel.py" line="236" />
            <source>本部分共 {0} 个条目，已记录 {1} 个。</source>
            <translation>This section has {0} items; {1} recorded.</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/item_panel.py" line="241" />
            <source>按 N 跳到下一个未检查条目，按数字键记录结果。</source>
            <translation>Press N for the next unchecked item, a number key to record a result.</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/item_panel.py" line="244" />
            <source>&lt;b&gt;参考文本&lt;/b&gt;（标准中不作检查的部分）</source>
            <translation>&lt;b&gt;Reference text&lt;/b&gt; (parts of the standard that are not checked)</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/item_panel.py" line="265" />
            <source>试点 *</source>
            <translation>Pilot *</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/item_panel.py" line="265" />
            <source>上海市营商环境创新试点改革举措事项</source>
            <translation>A Shanghai business-environment pilot reform measure</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/item_panel.py" line="269" />
            <source>截至检查日期 {0} 已超过时间节点</source>
            <translation>Past its deadline on the inspection date {0}</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/item_panel.py" line="335" />
            <source>填写 {0} 测量值</source>
            <translation>Enter measurements for {0}</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/item_panel.py" line="341" />
            <source>评定 {0}</source>
            <translation>Rate {0}</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/keyboard.py" line="38" />
            <location filename="../../ui/inspection_view/keyboard.py" line="45" />
            <source>该检查已签署，只读；如需修改请先重新打开</source>
            <translation>This inspection is signed and read-only; reopen it to make changes</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/navigation.py" line="24" />
            <source>此检查没有审核意见</source>
            <translation>This inspection has no review comments</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/navigation.py" line="35" />
            <source>审核意见 {0} / {1}</source>
            <translation>Review comment {0} / {1}</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/navigation.py" line="43" />
            <source>筛选结果中已没有未检查条目；另有 {0} 个未检查条目未显示</source>
            <translation>No unchecked items left among those shown; {0} more unchecked items are hidden by the search or filter</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/navigation.py" line="44" />
            <source>所有条目都已检查</source>
            <translation>All items are checked</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/page.py" line="94" />
            <source>正在打开检查…</source>
            <translation>Opening the inspection…</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/page.py" line="208" />
            <source>无法打开该检查。</source>
            <translation>The inspection could not be opened.</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/page.py" line="263" />
            <source>整体照片（{0}）</source>
            <translation>General photos ({0})</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/page.py" line="330" />
            <source>本指标的等级由测量值得出，请在右侧填写测量值</source>
            <translation>This indicator's level follows from its measured values: fill them in on the right</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/page.py" line="338" />
            <source>清除结果</source>
            <translation>Clear result</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/page_header.py" line="28" />
            <location filename="../../ui/office/office_page.py" line="54" />
            <source>‹ 检查列表</source>
            <translation>‹ Inspections</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/page_header.py" line="29" />
            <source>返回检查列表（所有修改已自动保存）</source>
            <translation>Back to the inspection list (every change is already saved)</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/page_header.py" line="61" />
            <source>园区整体情况的照片（也可把照片拖到这一栏）</source>
            <translation>Photos of the park as a whole (you can also drop photos on this tab)</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/page_header.py" line="72" />
            <source>已签署，只读；如需修改请重新打开（生成新修订版）</source>
            <translation>Signed and read-only; reopen it to make changes (creates a new revision)</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/page_header.py" line="75" />
            <source>重新打开…</source>
            <translation>Reopen…</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/page_header.py" line="89" />
            <location filename="../../ui/office/review_page.py" line="228" />
            <source>报告编号 {0}</source>
            <translation>Report {0}</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/page_header.py" line="90" />
            <location filename="../../ui/office/review_page.py" line="228" />
            <location filename="../../ui/reports/revisions_dialog.py" line="81" />
            <source>第 {0} 版</source>
            <translation>Revision {0}</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/page_header.py" line="91" />
            <location filename="../../ui/office/review_page.py" line="230" />
            <source>检查人员 {0}</source>
            <translation>Inspectors: {0}</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/page_header.py" line="118" />
            <source>已检查 {0} / {1}</source>
            <translation>{0}/{1} checked</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/result_buttons.py" line="64" />
            <source>{0}（快捷键 {1}）</source>
            <translation>{0} (shortcut {1})</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/star_inputs.py" line="110" />
            <source>测量值</source>
            <translation>Measurements</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/star_inputs.py" line="124" />
            <source>评定等级（选择达到的最高等级）</source>
            <translation>Judged level (choose the highest level reached)</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/star_inputs.py" line="124" />
            <source>各等级要求</source>
            <translation>Requirements per level</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/star_inputs.py" line="151" />
            <source>请选择</source>
            <translation>Choose</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/star_inputs.py" line="153" />
            <source>{0} 档</source>
            <translation>Grade {0}</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/star_inputs.py" line="168" />
            <source>{0}：其他公共服务功能，多项用“、”分隔</source>
            <translation>{0}: other public services, separated by 、</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/star_inputs.py" line="181" />
            <source>未填写</source>
            <translation>Not filled in</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/star_inputs.py" line="190" />
            <source>服务类园区不需填写</source>
            <translation>Not needed for service parks</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/star_inputs.py" line="320" />
            <source>（未保存）</source>
            <translation> (not saved)</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/star_inputs.py" line="338" />
            <source>评定等级</source>
            <translation>Judged level</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/star_inputs.py" line="351" />
            <source>已具备 {0} 项</source>
            <translation>{0} in place</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/star_inputs.py" line="359" />
            <source>本指标等级：尚缺 {0}</source>
            <translation>Level of this indicator: missing {0}</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/star_inputs.py" line="371" />
            <source>评定为{0}，但测量值只达到{1}：{2}</source>
            <translation>Judged {0}, but the measured values reach only {1}: {2}</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/star_inputs.py" line="374" />
            <source>本指标等级：</source>
            <translation>Level of this indicator: </translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/star_inputs.py" line="376" />
            <source>原因：{0}</source>
            <translation>Why: {0}</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/star_measurements.py" line="24" />
            <source>可带单位：平方米、万平方米（如 4.8万）、亩、公顷</source>
            <translation>Units you may type: square metres, units of 10,000 m² (4.8 and the character for ten thousand), mu, hectares</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/star_measurements.py" line="25" />
            <source>可带单位：亩、平方米、万平方米、公顷</source>
            <translation>Units you may type: mu, square metres, units of 10,000 m², hectares</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/star_measurements.py" line="26" />
            <source>百分数，如 62 表示 62%</source>
            <translation>A percentage: 62 means 62%</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/star_measurements.py" line="27" />
            <source>整数，如 35</source>
            <translation>A whole number, e.g. 35</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/star_measurements.py" line="59" />
            <source>{0}：不认识单位“{1}”（{2}）</source>
            <translation>{0}: unknown unit "{1}" ({2})</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/star_measurements.py" line="62" />
            <source>{0}：请输入 0 至 100 之间的百分数</source>
            <translation>{0}: enter a percentage from 0 to 100</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/star_measurements.py" line="64" />
            <source>{0}：请输入 0 至 {1} 之间的整数</source>
            <translation>{0}: enter a whole number from 0 to {1}</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/star_measurements.py" line="65" />
            <source>{0}：请输入不小于 0 的数字</source>
            <translation>{0}: enter a number of 0 or more</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/star_measurements.py" line="77" />
            <source>{0}：“{1}”按 {2} {3} 记录</source>
            <translation>{0}: "{1}" recorded as {2} {3}</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/star_measurements.py" line="81" />
            <source>{0}填的是 {1}%。是指 {2}% 吗？</source>
            <translation>{0} is {1}%. Did you mean {2}%?</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/star_measurements.py" line="83" />
            <source>改为 {0}%</source>
            <translation>Change to {0}%</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/star_parts.py" line="27" />
            <source>未达到一星级的要求</source>
            <translation>Does not meet the one-star requirements</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/status.py" line="45" />
            <source>还有 {0} 个条目未检查。仍要标记为已完成吗？</source>
            <translation>{0} items are still unchecked. Mark the inspection completed anyway?</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/status.py" line="47" />
            <source>未检查的条目在报告中显示为“未检查”；之后仍可继续检查。</source>
            <translation>Unchecked items show as "not checked" in the report; you can go on checking later.</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/status.py" line="48" />
            <source>仍标记为已完成</source>
            <translation>Mark completed anyway</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/status.py" line="58" />
            <source>重新打开检查</source>
            <translation>Reopen inspection</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/status.py" line="59" />
            <source>重新打开将生成第 {0} 版，已签署的报告保持不变。
原因（可选）：</source>
            <translation>Reopening creates revision {0}; signed reports stay as they are.
Reason (optional):</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/summary_tab.py" line="172" />
            <source>正在更新…</source>
            <translation>Updating…</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/summary_tab.py" line="190" />
            <source>截至 {0} 的记录</source>
            <translation>Records as of {0}</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/summary_tab.py" line="200" />
            <source>已检查 {0} / {1} 项</source>
            <translation>{0} of {1} items checked</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/summary_tab.py" line="224" />
            <source>总体符合率</source>
            <translation>Overall compliance</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/summary_tab.py" line="226" />
            <source>检查进度</source>
            <translation>Progress</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/summary_tab.py" line="231" />
            <source>待评定</source>
            <translation>Not rated yet</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/summary_tab.py" line="253" />
            <source>合计</source>
            <translation>Total</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/summary_tab.py" line="268" />
            <source>符合率：</source>
            <translation>Compliance: </translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/summary_tab.py" line="269" />
            <source>未检查 {0}</source>
            <translation>{0} not checked</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/summary_tab.py" line="275" />
            <source>&lt;b&gt;星级：无法评定&lt;/b&gt;　</source>
            <translation>&lt;b&gt;Star level: cannot be rated&lt;/b&gt;  </translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/summary_tab.py" line="280" />
            <source>&lt;b&gt;星级：待评定&lt;/b&gt;　尚缺：</source>
            <translation>&lt;b&gt;Stars: not rated yet&lt;/b&gt;   Missing: </translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/summary_tab.py" line="286" />
            <source>星级受限于：</source>
            <translation>Star level limited by: </translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/summary_tab.py" line="292" />
            <location filename="../../ui/office/ranking_view.py" line="173" />
            <source>指标</source>
            <translation>Indicator</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/summary_tab.py" line="292" />
            <location filename="../../ui/office/ranking_view.py" line="137" />
            <source>等级</source>
            <translation>Level</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/summary_tab.py" line="292" />
            <location filename="../../ui/photos/import_flow.py" line="119" />
            <source>原因</source>
            <translation>Reason</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/summary_tab.py" line="301" />
            <source>项</source>
            <translation>Items</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/summary_tab.py" line="311" />
            <source>逾期事项（{0}）</source>
            <translation>Overdue actions ({0})</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/summary_tab.py" line="312" />
            <source>事项</source>
            <translation>Action</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/summary_tab.py" line="312" />
            <source>时间节点</source>
            <translation>Deadline</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/summary_tab.py" line="314" />
            <source>截至检查日期没有逾期事项。</source>
            <translation>No action was overdue on the inspection date.</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/summary_tab.py" line="320" />
            <source>没有记录整改项。</source>
            <translation>No rectifications recorded.</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/summary_tab.py" line="329" />
            <source>程度</source>
            <translation>Severity</translation>
        </message>
        <message>
            <location filename="../../ui/inspection_view/summary_tab.py" line="338" />
            <source>{0}（评定等级）</source>
            <translation>{0} (judged level)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="319" />
            <source>请先选择要导出的检查</source>
            <translation>Select the inspection to export first</translation>
        </message>
        <message>
            <location filename="../../ui/office/after_photo.py" line="39" />
            <source>整改后：{0}</source>
            <translation>After rectification: {0}</translation>
        </message>
        <message>
            <location filename="../../ui/office/hub_files.py" line="114" />
            <location filename="../../ui/photos/photo_facts.py" line="19" />
            <source>拍摄于 {0}</source>
            <translation>taken {0}</translation>
        </message>
        <message>
            <location filename="../../ui/office/hub_files.py" line="114" />
            <source>拍摄时间未知</source>
            <translation>time taken unknown</translation>
        </message>
        <message>
            <location filename="../../ui/office/hub_files.py" line="116" />
            <location filename="../../ui/photos/photo_facts.py" line="21" />
            <source>位置 {0}</source>
            <translation>at {0}</translation>
        </message>
        <message>
            <location filename="../../ui/office/hub_files.py" line="150" />
            <source>单击查看大图</source>
            <translation>Click to view larger</translation>
        </message>
        <message>
            <location filename="../../ui/office/hub_files.py" line="180" />
            <source>照片：{0}</source>
            <translation>Photo: {0}</translation>
        </message>
        <message>
            <location filename="../../ui/office/hub_files.py" line="189" />
            <source>（无说明）</source>
            <translation>(no caption)</translation>
        </message>
        <message>
            <location filename="../../ui/office/hub_files.py" line="200" />
            <source>用系统查看器打开原图</source>
            <translation>Open the original in the system viewer</translation>
        </message>
        <message>
            <location filename="../../ui/office/hub_files.py" line="227" />
            <source>这台电脑没有可打开照片的程序；文件已保存在：{0}</source>
            <translation>No program on this computer opens photos; the file was saved at: {0}</translation>
        </message>
        <message>
            <location filename="../../ui/office/inspections_view.py" line="29" />
            <location filename="../../ui/office/ranking_view.py" line="166" />
            <location filename="../../ui/office/standing.py" line="27" />
            <source>待审核</source>
            <translation>Awaiting review</translation>
        </message>
        <message>
            <location filename="../../ui/office/inspections_view.py" line="29" />
            <location filename="../../ui/office/review_page.py" line="266" />
            <location filename="../../ui/office/standing.py" line="27" />
            <source>已通过</source>
            <translation>Approved</translation>
        </message>
        <message>
            <location filename="../../ui/office/inspections_view.py" line="29" />
            <location filename="../../ui/office/ranking_view.py" line="166" />
            <location filename="../../ui/office/review_page.py" line="268" />
            <location filename="../../ui/office/standing.py" line="28" />
            <source>已退回</source>
            <translation>Returned</translation>
        </message>
        <message>
            <location filename="../../ui/office/inspections_view.py" line="30" />
            <source>未提交审核</source>
            <translation>Not submitted</translation>
        </message>
        <message>
            <location filename="../../ui/office/inspections_view.py" line="41" />
            <source>上传者</source>
            <translation>Uploaded by</translation>
        </message>
        <message>
            <location filename="../../ui/office/inspections_view.py" line="42" />
            <location filename="../../ui/office/trends_view.py" line="179" />
            <source>审核</source>
            <translation>Review</translation>
        </message>
        <message>
            <location filename="../../ui/office/inspections_view.py" line="42" />
            <source>答案</source>
            <translation>Answers</translation>
        </message>
        <message>
            <location filename="../../ui/office/inspections_view.py" line="42" />
            <source>整改（未完成）</source>
            <translation>Findings (open)</translation>
        </message>
        <message>
            <location filename="../../ui/office/inspections_view.py" line="43" />
            <source>报告编号</source>
            <translation>Report number</translation>
        </message>
        <message>
            <location filename="../../ui/office/inspections_view.py" line="90" />
            <source>全部上传者</source>
            <translation>All uploaders</translation>
        </message>
        <message>
            <location filename="../../ui/office/inspections_view.py" line="91" />
            <source>按上传到中心的账号筛选</source>
            <translation>Filter by the hub account that uploaded the inspection</translation>
        </message>
        <message>
            <location filename="../../ui/office/inspections_view.py" line="93" />
            <location filename="../../ui/office/ranking_view.py" line="136" />
            <location filename="../../ui/office/tracker_view.py" line="101" />
            <source>园区名称</source>
            <translation>Park name</translation>
        </message>
        <message>
            <location filename="../../ui/office/inspections_view.py" line="100" />
            <source>全部审核状态</source>
            <translation>All review states</translation>
        </message>
        <message>
            <location filename="../../ui/office/inspections_view.py" line="113" />
            <source>审核…</source>
            <translation>Review…</translation>
        </message>
        <message>
            <location filename="../../ui/office/inspections_view.py" line="114" />
            <source>查看这次检查的条目、照片和报告，记录通过或退回</source>
            <translation>Read this inspection's items, photos and report, and approve or return it</translation>
        </message>
        <message>
            <location filename="../../ui/office/inspections_view.py" line="118" />
            <source>双击打开审核</source>
            <translation>Double-click to review</translation>
        </message>
        <message>
            <location filename="../../ui/office/inspections_view.py" line="154" />
            <source>共 {0} 项检查（已显示 {1} 项）</source>
            <translation>{0} inspections ({1} shown)</translation>
        </message>
        <message>
            <location filename="../../ui/office/office_page.py" line="57" />
            <location filename="../../ui/office/room.py" line="88" />
            <source>中心</source>
            <translation>Office</translation>
        </message>
        <message>
            <location filename="../../ui/office/office_page.py" line="65" />
            <source>刷新</source>
            <translation>Refresh</translation>
        </message>
        <message>
            <location filename="../../ui/office/office_page.py" line="82" />
            <location filename="../../ui/office/room.py" line="65" />
            <source>检查与审核</source>
            <translation>Inspections and review</translation>
        </message>
        <message>
            <location filename="../../ui/office/office_page.py" line="83" />
            <location filename="../../ui/office/room.py" line="66" />
            <source>园区排名</source>
            <translation>Park ranking</translation>
        </message>
        <message>
            <location filename="../../ui/office/office_page.py" line="84" />
            <location filename="../../ui/office/room.py" line="67" />
            <source>园区趋势</source>
            <translation>Park trends</translation>
        </message>
        <message>
            <location filename="../../ui/office/office_page.py" line="85" />
            <location filename="../../ui/office/room.py" line="68" />
            <source>整改跟踪</source>
            <translation>Rectification tracker</translation>
        </message>
        <message>
            <location filename="../../ui/office/office_page.py" line="103" />
            <source>未连接中心服务器：只能查看本机园区的趋势</source>
            <translation>Not connected to a hub: only the trends of this folder's parks</translation>
        </message>
        <message>
            <location filename="../../ui/office/ranking_view.py" line="72" />
            <location filename="../../ui/office/trends_view.py" line="73" />
            <source>模板</source>
            <translation>Template</translation>
        </message>
        <message>
            <location filename="../../ui/office/ranking_view.py" line="77" />
            <source>导出公示名单（Excel）…</source>
            <translation>Export the public list (Excel)…</translation>
        </message>
        <message>
            <location filename="../../ui/office/ranking_view.py" line="79" />
            <source>导出公示名单（PDF）…</source>
            <translation>Export the public list (PDF)…</translation>
        </message>
        <message>
            <location filename="../../ui/office/ranking_view.py" line="122" />
            <source>中心还没有已完成的检查</source>
            <translation>The hub has no completed inspection yet</translation>
        </message>
        <message>
            <location filename="../../ui/office/ranking_view.py" line="130" />
            <source>正在计算排名…</source>
            <translation>Ranking…</translation>
        </message>
        <message>
            <location filename="../../ui/office/ranking_view.py" line="136" />
            <source>名次</source>
            <translation>Rank</translation>
        </message>
        <message>
            <location filename="../../ui/office/ranking_view.py" line="136" />
            <source>园区类型</source>
            <translation>Park type</translation>
        </message>
        <message>
            <location filename="../../ui/office/ranking_view.py" line="137" />
            <source>已检查</source>
            <translation>Checked</translation>
        </message>
        <message>
            <location filename="../../ui/office/ranking_view.py" line="160" />
            <source>{0}：检查不完整，已检查 {1}（不足 {2}%；{3} {4}，{5}）</source>
            <translation>{0}: incomplete inspection, {1} items checked (under {2}%; {3} {4}, {5})</translation>
        </message>
        <message>
            <location filename="../../ui/office/ranking_view.py" line="163" />
            <source>{0}：已审核通过，但{1}（{2}）</source>
            <translation>{0}: approved, but {1} ({2})</translation>
        </message>
        <message>
            <location filename="../../ui/office/ranking_view.py" line="165" />
            <source>{0}：尚无审核通过的检查（最近一次 {1}，{2}）</source>
            <translation>{0}: no approved inspection yet (latest {1}, {2})</translation>
        </message>
        <message>
            <location filename="../../ui/office/ranking_view.py" line="168" />
            <source>未排名：</source>
            <translation>Not ranked:</translation>
        </message>
        <message>
            <location filename="../../ui/office/ranking_view.py" line="168" />
            <source>所有园区都已排名。</source>
            <translation>Every park is ranked.</translation>
        </message>
        <message>
            <location filename="../../ui/office/ranking_view.py" line="171" />
            <source>得分 %</source>
            <translation>score %</translation>
        </message>
        <message>
            <location filename="../../ui/office/ranking_view.py" line="173" />
            <source>园区数</source>
            <translation>Parks</translation>
        </message>
        <message>
            <location filename="../../ui/office/ranking_view.py" line="173" />
            <source>平均（{0}）</source>
            <translation>Average ({0})</translation>
        </message>
        <message>
            <location filename="../../ui/office/ranking_view.py" line="174" />
            <source>最低</source>
            <translation>Lowest</translation>
        </message>
        <message>
            <location filename="../../ui/office/ranking_view.py" line="174" />
            <source>最高</source>
            <translation>Highest</translation>
        </message>
        <message>
            <location filename="../../ui/office/ranking_view.py" line="182" />
            <source>{0}：{1} 个园区排名（按各园区最近一次审核通过的检查），{2} 个未排名</source>
            <translation>{0}: {1} parks ranked (each by its latest approved inspection), {2} not ranked</translation>
        </message>
        <message>
            <location filename="../../ui/office/ranking_view.py" line="200" />
            <location filename="../../ui/office/ranking_view.py" line="203" />
            <source>导出公示名单</source>
            <translation>Export the public list</translation>
        </message>
        <message>
            <location filename="../../ui/office/ranking_view.py" line="204" />
            <location filename="../../ui/reports/export_dialogs.py" line="169" />
            <location filename="../../ui/reports/sign_dialog.py" line="287" />
            <source>PDF 文件 (*.pdf)</source>
            <translation>PDF files (*.pdf)</translation>
        </message>
        <message>
            <location filename="../../ui/office/ranking_view.py" line="224" />
            <source>公示名单已导出</source>
            <translation>Public list exported</translation>
        </message>
        <message>
            <location filename="../../ui/office/ranking_view.py" line="225" />
            <source>公示名单已保存到：
{0}</source>
            <translation>The public list was saved to:
{0}</translation>
        </message>
        <message>
            <location filename="../../ui/office/ranking_view.py" line="227" />
            <source>公示名单没有导出</source>
            <translation>The public list was not exported</translation>
        </message>
        <message>
            <location filename="../../ui/office/ranking_view.py" line="232" />
            <source>优秀</source>
            <translation>excellent</translation>
        </message>
        <message>
            <location filename="../../ui/office/ranking_view.py" line="232" />
            <source>良好</source>
            <translation>good</translation>
        </message>
        <message>
            <location filename="../../ui/office/ranking_view.py" line="232" />
            <source>合格</source>
            <translation>pass</translation>
        </message>
        <message>
            <location filename="../../ui/office/ranking_view.py" line="232" />
            <source>不合格</source>
            <translation>fail</translation>
        </message>
        <message>
            <location filename="../../ui/office/ranking_view.py" line="248" />
            <source>完成率（%）</source>
            <translation>completion (%)</translation>
        </message>
        <message>
            <location filename="../../ui/office/ranking_view.py" line="249" />
            <source>得分（%）</source>
            <translation>score (%)</translation>
        </message>
        <message>
            <location filename="../../ui/office/review_decision.py" line="35" />
            <source>责任单位 {0}</source>
            <translation>Responsible {0}</translation>
        </message>
        <message>
            <location filename="../../ui/office/review_decision.py" line="46" />
            <source>{0}：已检查 {1}/{2}</source>
            <translation>{0}: {1}/{2} items checked</translation>
        </message>
        <message>
            <location filename="../../ui/office/review_decision.py" line="48" />
            <source>（未检查 {0} 项）</source>
            <translation> ({0} not checked)</translation>
        </message>
        <message>
            <location filename="../../ui/office/review_decision.py" line="65" />
            <source>{0} 分</source>
            <translation>{0} points</translation>
        </message>
        <message>
            <location filename="../../ui/office/review_decision.py" line="66" />
            <source>{0}：通过后参与园区排名（{1}）</source>
            <translation>{0}: ranked among the parks once approved ({1})</translation>
        </message>
        <message>
            <location filename="../../ui/office/review_decision.py" line="68" />
            <source>{0}：检查不完整（已检查 {1}，不足 {2}%），通过后在园区排名中列为“检查不完整”，不参与排名</source>
            <translation>{0}: incomplete (checked {1}, under {2}%): once approved, the park ranking lists it as “incomplete”, unranked</translation>
        </message>
        <message>
            <location filename="../../ui/office/review_decision.py" line="72" />
            <source>{0}：通过后列为“未排名”：{1}</source>
            <translation>{0}: once approved, listed as “unranked”: {1}</translation>
        </message>
        <message>
            <location filename="../../ui/office/review_decision.py" line="92" />
            <source>未完成整改 {0} 项</source>
            <translation>Open findings: {0}</translation>
        </message>
        <message>
            <location filename="../../ui/office/review_decision.py" line="102" />
            <source>报告编号 {0}，第 {1} 版</source>
            <translation>Report number {0}, revision {1}</translation>
        </message>
        <message>
            <location filename="../../ui/office/review_decision.py" line="104" />
            <source>通过这次检查？</source>
            <translation>Approve this inspection?</translation>
        </message>
        <message>
            <location filename="../../ui/office/review_decision.py" line="104" />
            <location filename="../../ui/office/review_page.py" line="170" />
            <location filename="../../ui/office/review_page.py" line="267" />
            <location filename="../../ui/office/standing.py" line="32" />
            <source>通过</source>
            <translation>Approve</translation>
        </message>
        <message>
            <location filename="../../ui/office/review_decision.py" line="106" />
            <source>不符合 {0} 项；未完成整改 {1} 项</source>
            <translation>Non-compliant items: {0}; open findings: {1}</translation>
        </message>
        <message>
            <location filename="../../ui/office/review_decision.py" line="108" />
            <location filename="../../ui/office/review_decision.py" line="115" />
            <source>总体意见：{0}</source>
            <translation>Overall comment: {0}</translation>
        </message>
        <message>
            <location filename="../../ui/office/review_decision.py" line="108" />
            <location filename="../../ui/office/review_decision.py" line="115" />
            <source>总体意见：（无）</source>
            <translation>Overall comment: (none)</translation>
        </message>
        <message>
            <location filename="../../ui/office/review_decision.py" line="113" />
            <source>退回这次检查？</source>
            <translation>Return this inspection?</translation>
        </message>
        <message>
            <location filename="../../ui/office/review_decision.py" line="113" />
            <location filename="../../ui/office/standing.py" line="32" />
            <source>退回</source>
            <translation>Return</translation>
        </message>
        <message>
            <location filename="../../ui/office/review_decision.py" line="114" />
            <source>上传者 {0} 下次同步后将看到：</source>
            <translation>{0} (who uploaded it) will see at the next sync:</translation>
        </message>
        <message>
            <location filename="../../ui/office/review_decision.py" line="116" />
            <source>条目 {0}：{1}</source>
            <translation>Item {0}: {1}</translation>
        </message>
        <message>
            <location filename="../../ui/office/review_decision.py" line="141" />
            <source>　← 当前</source>
            <translation>  ← current</translation>
        </message>
        <message>
            <location filename="../../ui/office/review_decision.py" line="142" />
            <source>第 {0} 版上传（{1}）</source>
            <translation>Revision {0} pushed ({1})</translation>
        </message>
        <message>
            <location filename="../../ui/office/review_decision.py" line="147" />
            <source>第 {0} 版（{1}）通过（沿用第 {2} 版{3}时 {4} 的审核：结果相同）</source>
            <translation>Revision {0} ({1}): approved — {4}'s approval of revision {2} ({3}) carried over, the same results</translation>
        </message>
        <message>
            <location filename="../../ui/office/review_decision.py" line="152" />
            <source>第 {0} 版 {1}（{2}）</source>
            <translation>Revision {0} {1} ({2})</translation>
        </message>
        <message>
            <location filename="../../ui/office/review_decision.py" line="160" />
            <source>第 {0} 版已签署（{1}）</source>
            <translation>Revision {0} signed ({1})</translation>
        </message>
        <message>
            <location filename="../../ui/office/review_decision.py" line="162" />
            <source>：签署后在上传前已重新打开，中心只有其签署 PDF</source>
            <translation>: reopened after signing, before it was uploaded; the hub holds only its signed PDF</translation>
        </message>
        <message>
            <location filename="../../ui/office/review_notes.py" line="64" />
            <source>重新打开修改…</source>
            <translation>Reopen to fix…</translation>
        </message>
        <message>
            <location filename="../../ui/office/review_notes.py" line="65" />
            <source>按审核意见修改：生成新修订版，改完后重新完成并同步</source>
            <translation>Fix what the review said: a new revision is made; when done, complete it again and sync</translation>
        </message>
        <message>
            <location filename="../../ui/office/review_notes.py" line="82" />
            <source>此前的审核：{0}</source>
            <translation>The earlier review: {0}</translation>
        </message>
        <message>
            <location filename="../../ui/office/review_notes.py" line="86" />
            <source>中心审核通过：{0}</source>
            <translation>Approved by the office: {0}</translation>
        </message>
        <message>
            <location filename="../../ui/office/review_notes.py" line="95" />
            <source>中心审核退回：{0}</source>
            <translation>Returned by the office: {0}</translation>
        </message>
        <message>
            <location filename="../../ui/office/review_notes.py" line="95" />
            <source>按审核意见修改中（{0}）</source>
            <translation>Being fixed after the review ({0})</translation>
        </message>
        <message>
            <location filename="../../ui/office/review_notes.py" line="98" />
            <source>。{0} 个条目有审核意见（检查表中标有红色气泡），按 {1} 逐条查看</source>
            <translation>. {0} item(s) have review comments (a red bubble in the checklist); press {1} to go through them</translation>
        </message>
        <message>
            <location filename="../../ui/office/review_notes.py" line="101" />
            <source>。点“重新打开修改…”生成新修订版，再按意见修改</source>
            <translation>. Click “Reopen to fix…” to make a new revision, then make the changes</translation>
        </message>
        <message>
            <location filename="../../ui/office/review_notes.py" line="102" />
            <source>。点“重新打开修改…”按意见修改</source>
            <translation>. Click “Reopen to fix…” to make the changes</translation>
        </message>
        <message>
            <location filename="../../ui/office/review_notes.py" line="124" />
            <source>审核意见（第 {0} 版，{1}）：{2}</source>
            <translation>Review comment (revision {0}, {1}): {2}</translation>
        </message>
        <message>
            <location filename="../../ui/office/review_notes.py" line="183" />
            <source>中心已审核通过这次检查。
重新打开修改期间，检查列表显示“曾通过”；
完成并同步后，结果未变则仍为已通过，有改动则需重新审核。</source>
            <translation>The office approved this inspection.
While it is reopened and edited, the inspections list shows “Was approved”;
once it is completed and synced, it stays approved if the results are unchanged, and goes to review again if they changed.</translation>
        </message>
        <message>
            <location filename="../../ui/office/review_page.py" line="77" />
            <source>‹ 中心检查列表</source>
            <translation>‹ Hub inspections</translation>
        </message>
        <message>
            <location filename="../../ui/office/review_page.py" line="90" />
            <source>打开已签署报告</source>
            <translation>Open the signed report</translation>
        </message>
        <message>
            <location filename="../../ui/office/review_page.py" line="103" />
            <source>只看不符合、有整改或有意见的条目</source>
            <translation>Only items not met, with findings or with comments</translation>
        </message>
        <message>
            <location filename="../../ui/office/review_page.py" line="107" />
            <source>结果</source>
            <translation>Result</translation>
        </message>
        <message>
            <location filename="../../ui/office/review_page.py" line="107" />
            <source>证据</source>
            <translation>Evidence</translation>
        </message>
        <message>
            <location filename="../../ui/office/review_page.py" line="141" />
            <source>对此条目的审核意见</source>
            <translation>Review comment on this item</translation>
        </message>
        <message>
            <location filename="../../ui/office/review_page.py" line="143" />
            <source>退回时写明这个条目要改什么（检查人员同步后在条目上方看到）</source>
            <translation>When returning, say what must change in this item (the inspector sees it above the item after syncing)</translation>
        </message>
        <message>
            <location filename="../../ui/office/review_page.py" line="160" />
            <source>审核结论</source>
            <translation>Decision</translation>
        </message>
        <message>
            <location filename="../../ui/office/review_page.py" line="162" />
            <source>总体意见（退回时必填，或至少写一个条目的意见）</source>
            <translation>Overall comment (needed to return, unless an item has one)</translation>
        </message>
        <message>
            <location filename="../../ui/office/review_page.py" line="172" />
            <location filename="../../ui/office/review_page.py" line="269" />
            <source>退回…</source>
            <translation>Return…</translation>
        </message>
        <message>
            <location filename="../../ui/office/review_page.py" line="177" />
            <source>修订与审核记录</source>
            <translation>Revisions and decisions</translation>
        </message>
        <message>
            <location filename="../../ui/office/review_page.py" line="226" />
            <source>审核：{0}　{1}</source>
            <translation>Review: {0}  {1}</translation>
        </message>
        <message>
            <location filename="../../ui/office/review_page.py" line="231" />
            <source>上传者 {0}</source>
            <translation>Pushed by {0}</translation>
        </message>
        <message>
            <location filename="../../ui/office/review_page.py" line="233" />
            <source>已签署报告 SHA-256 {0}</source>
            <translation>Signed report SHA-256 {0}</translation>
        </message>
        <message>
            <location filename="../../ui/office/review_page.py" line="234" />
            <source>这一版没有已签署的报告</source>
            <translation>This revision has no signed report</translation>
        </message>
        <message>
            <location filename="../../ui/office/review_page.py" line="243" />
            <source>这次检查在中心的状态是“{0}”，完成后才能审核。</source>
            <translation>This inspection is “{0}” on the hub; it can be reviewed once completed.</translation>
        </message>
        <message>
            <location filename="../../ui/office/review_page.py" line="260" />
            <source>只有审核人员可以记录审核结论</source>
            <translation>Only a reviewer can record a decision</translation>
        </message>
        <message>
            <location filename="../../ui/office/review_page.py" line="267" />
            <source>改为通过</source>
            <translation>Change to approve</translation>
        </message>
        <message>
            <location filename="../../ui/office/review_page.py" line="269" />
            <source>改为退回…</source>
            <translation>Change to return…</translation>
        </message>
        <message>
            <location filename="../../ui/office/review_page.py" line="276" />
            <source>已记录的结论可以改：再记录一次，以最新的为准</source>
            <translation>A recorded decision can be changed: record another; the latest counts</translation>
        </message>
        <message>
            <location filename="../../ui/office/review_page.py" line="301" />
            <source>照片 {0}</source>
            <translation>Photos {0}</translation>
        </message>
        <message>
            <location filename="../../ui/office/review_page.py" line="303" />
            <source>整改 {0}</source>
            <translation>Findings {0}</translation>
        </message>
        <message>
            <location filename="../../ui/office/review_page.py" line="305" />
            <source>有意见</source>
            <translation>Commented</translation>
        </message>
        <message>
            <location filename="../../ui/office/review_page.py" line="316" />
            <location filename="../../ui/office/review_page.py" line="417" />
            <source>已写意见的条目：{0} 项</source>
            <translation>Items commented: {0}</translation>
        </message>
        <message>
            <location filename="../../ui/office/review_page.py" line="364" />
            <source>请在左侧选择一个条目</source>
            <translation>Choose an item on the left</translation>
        </message>
        <message>
            <location filename="../../ui/office/review_page.py" line="375" />
            <source>结果：未检查</source>
            <translation>Result: not checked</translation>
        </message>
        <message>
            <location filename="../../ui/office/review_page.py" line="378" />
            <source>结果：{0}</source>
            <translation>Result: {0}</translation>
        </message>
        <message>
            <location filename="../../ui/office/review_page.py" line="385" />
            <location filename="../../ui/office/review_page.py" line="393" />
            <location filename="../../ui/reports/verify_dialog.py" line="256" />
            <source>无</source>
            <translation>None</translation>
        </message>
        <message>
            <location filename="../../ui/office/review_page.py" line="427" />
            <source>这台电脑没有可打开 PDF 的程序；报告已保存在：{0}</source>
            <translation>No program on this computer opens PDF files; the report was saved at: {0}</translation>
        </message>
        <message>
            <location filename="../../ui/office/review_page.py" line="437" />
            <source>退回时请写明原因：总体意见，或至少一个条目的意见。</source>
            <translation>Returning needs a reason: an overall comment, or a comment on at least one item.</translation>
        </message>
        <message>
            <location filename="../../ui/office/review_page.py" line="452" />
            <source>正在记录审核结论…</source>
            <translation>Recording the decision…</translation>
        </message>
        <message>
            <location filename="../../ui/office/review_page.py" line="455" />
            <source>已记录：{0}（第 {1} 版）</source>
            <translation>Recorded: {0} (revision {1})</translation>
        </message>
        <message>
            <location filename="../../ui/office/room.py" line="69" />
            <source>从中心新建复查…</source>
            <translation>New revisit from the hub…</translation>
        </message>
        <message>
            <location filename="../../ui/office/room.py" line="70" />
            <source>为园区新建复查，带入中心记录的该园区未完成整改（上次检查可能是其他检查人员做的）</source>
            <translation>A revisit of a park carrying the hub's open findings of it (the last visit may have been another inspector's)</translation>
        </message>
        <message>
            <location filename="../../ui/office/room.py" line="76" />
            <location filename="../../ui/window_menus.py" line="64" />
            <source>中心(&amp;C)</source>
            <translation>&amp;Office</translation>
        </message>
        <message>
            <location filename="../../ui/office/room.py" line="80" />
            <source>中心…</source>
            <translation>Office…</translation>
        </message>
        <message>
            <location filename="../../ui/office/room.py" line="82" />
            <source>中心服务器上的全部检查、审核、园区排名、趋势和整改跟踪</source>
            <translation>Every inspection on the hub, review, park ranking, trends and the rectification tracker</translation>
        </message>
        <message>
            <location filename="../../ui/office/room.py" line="88" />
            <source>审核、园区排名、趋势和整改跟踪</source>
            <translation>Review, ranking, trends and rectifications</translation>
        </message>
        <message>
            <location filename="../../ui/office/room.py" line="120" />
            <source>中心：{0}</source>
            <translation>Hub: {0}</translation>
        </message>
        <message>
            <location filename="../../ui/office/room.py" line="171" />
            <source>中心没有本机园区的未完成整改（请先同步）</source>
            <translation>The hub has no open findings of this folder's parks (sync first)</translation>
        </message>
        <message>
            <location filename="../../ui/office/room.py" line="173" />
            <source>{0}（未完成整改 {1} 项）</source>
            <translation>{0} (open findings: {1})</translation>
        </message>
        <message>
            <location filename="../../ui/office/room.py" line="174" />
            <source>从中心新建复查</source>
            <translation>New revisit from the hub</translation>
        </message>
        <message>
            <location filename="../../ui/office/standing.py" line="27" />
            <source>待上传</source>
            <translation>To upload</translation>
        </message>
        <message>
            <location filename="../../ui/office/standing.py" line="28" />
            <source>曾通过</source>
            <translation>Was approved</translation>
        </message>
        <message>
            <location filename="../../ui/office/standing.py" line="40" />
            <source>沿用第 {0} 版的审核：结果未变</source>
            <translation>the approval of revision {0} carried over: the same results</translation>
        </message>
        <message>
            <location filename="../../ui/office/standing.py" line="41" />
            <source>沿用此前的审核：结果未变</source>
            <translation>the earlier approval carried over: the same results</translation>
        </message>
        <message>
            <location filename="../../ui/office/standing.py" line="42" />
            <source>第 {0} 版 {1}（{2}；{3}，{4}）</source>
            <translation>Revision {0} {1} ({2}; {3}, {4})</translation>
        </message>
        <message>
            <location filename="../../ui/office/standing.py" line="45" />
            <source>第 {0} 版 {1}（{2}，{3}）</source>
            <translation>Revision {0} {1} ({2}, {3})</translation>
        </message>
        <message>
            <location filename="../../ui/office/standing.py" line="53" />
            <source>中心审核通过后，这次检查的结果有改动，已重新上传，需重新审核。</source>
            <translation>The results changed after the office approved them; uploaded again, the inspection awaits a new review.</translation>
        </message>
        <message>
            <location filename="../../ui/office/standing.py" line="57" />
            <source>中心审核通过的是重新打开前的结果；正在修改。完成并同步后，结果未变则沿用通过，有改动则需重新审核。</source>
            <translation>The office approved the results as they were before this inspection was reopened; it is being edited. Once it is completed and synced, the approval carries over if the results are unchanged; if they changed, the office reviews it again.</translation>
        </message>
        <message>
            <location filename="../../ui/office/standing.py" line="58" />
            <source>中心审核通过的是此前的结果；这次的内容还没有上传。同步后，结果未变则沿用通过，有改动则需重新审核。</source>
            <translation>The office approved the earlier results; this inspection as it is now has not been uploaded. After the sync, the approval carries over if the results are unchanged; if they changed, the office reviews it again.</translation>
        </message>
        <message>
            <location filename="../../ui/office/standing.py" line="66" />
            <source>正在修改；完成后下次同步时上传到中心。</source>
            <translation>Being edited; once completed, the next sync uploads it to the hub.</translation>
        </message>
        <message>
            <location filename="../../ui/office/standing.py" line="68" />
            <source>这次检查的当前内容还没有上传到中心；下次同步时上传。</source>
            <translation>This inspection as it is now has not gone to the hub yet; the next sync uploads it.</translation>
        </message>
        <message>
            <location filename="../../ui/office/standing.py" line="69" />
            <source>已上传到中心，等待审核。</source>
            <translation>Uploaded to the hub, awaiting review.</translation>
        </message>
        <message>
            <location filename="../../ui/office/standing.py" line="70" />
            <source>中心审核通过。</source>
            <translation>Approved by the office.</translation>
        </message>
        <message>
            <location filename="../../ui/office/standing.py" line="71" />
            <source>中心审核退回：请打开检查，按意见修改后重新完成并同步。</source>
            <translation>Returned by the office: open the inspection, fix what the review says, complete it again and sync.</translation>
        </message>
        <message>
            <location filename="../../ui/office/standing.py" line="75" />
            <source>{0} 个条目有审核意见</source>
            <translation>{0} items have review comments</translation>
        </message>
        <message>
            <location filename="../../ui/office/tracker_view.py" line="46" />
            <location filename="../../ui/office/tracker_view.py" line="104" />
            <source>责任单位</source>
            <translation>Responsible unit</translation>
        </message>
        <message>
            <location filename="../../ui/office/tracker_view.py" line="47" />
            <source>逾期天数</source>
            <translation>Days overdue</translation>
        </message>
        <message>
            <location filename="../../ui/office/tracker_view.py" line="71" />
            <source>{0} 天</source>
            <translation>{0} days</translation>
        </message>
        <message>
            <location filename="../../ui/office/tracker_view.py" line="71" />
            <source>未逾期</source>
            <translation>Not overdue</translation>
        </message>
        <message>
            <location filename="../../ui/office/tracker_view.py" line="72" />
            <source>无期限</source>
            <translation>No deadline</translation>
        </message>
        <message>
            <location filename="../../ui/office/tracker_view.py" line="79" />
            <source>现场记录：{0}</source>
            <translation>On site: {0}</translation>
        </message>
        <message>
            <location filename="../../ui/office/tracker_view.py" line="106" />
            <source>只看逾期</source>
            <translation>Overdue only</translation>
        </message>
        <message>
            <location filename="../../ui/office/tracker_view.py" line="108" />
            <location filename="../../ui/reports/report_menu.py" line="70" />
            <source>导出 Excel…</source>
            <translation>Export to Excel…</translation>
        </message>
        <message>
            <location filename="../../ui/office/tracker_view.py" line="119" />
            <source>未完成：已完成或已签署检查中尚未整改、且没有被之后的复查接续的整改项。双击查看那次检查的照片和记录。</source>
            <translation>Open: findings not yet rectified in completed or signed inspections and not carried into a later revisit. Double-click to see that inspection's photos and records.</translation>
        </message>
        <message>
            <location filename="../../ui/office/tracker_view.py" line="139" />
            <source>共 {0} 项，逾期 {1} 项</source>
            <translation>{0} in all, {1} overdue</translation>
        </message>
        <message>
            <location filename="../../ui/office/tracker_view.py" line="143" />
            <source>导出整改跟踪</source>
            <translation>Export the tracker</translation>
        </message>
        <message>
            <location filename="../../ui/office/tracker_view.py" line="143" />
            <source>整改跟踪.xlsx</source>
            <translation>Rectification tracker.xlsx</translation>
        </message>
        <message>
            <location filename="../../ui/office/tracker_view.py" line="158" />
            <source>已导出整改跟踪</source>
            <translation>Tracker exported</translation>
        </message>
        <message>
            <location filename="../../ui/office/tracker_view.py" line="159" />
            <source>整改跟踪已保存到：
{0}</source>
            <translation>The tracker was saved to:
{0}</translation>
        </message>
        <message>
            <location filename="../../ui/office/tracker_view.py" line="161" />
            <source>没有导出</source>
            <translation>Not exported</translation>
        </message>
        <message>
            <location filename="../../ui/office/trend_chart.py" line="58" />
            <source>没有可画的检查结果</source>
            <translation>No results to draw</translation>
        </message>
        <message>
            <location filename="../../ui/office/trends_view.py" line="69" />
            <source>只用本机数据</source>
            <translation>This folder only</translation>
        </message>
        <message>
            <location filename="../../ui/office/trends_view.py" line="70" />
            <source>不连接中心：本数据文件夹中这个园区的检查</source>
            <translation>Without the hub: this data folder's inspections of the park</translation>
        </message>
        <message>
            <location filename="../../ui/office/trends_view.py" line="153" />
            <source>请选择园区</source>
            <translation>Choose a park</translation>
        </message>
        <message>
            <location filename="../../ui/office/trends_view.py" line="155" />
            <source>这个园区没有已完成或已签署的检查</source>
            <translation>This park has no completed or signed inspection</translation>
        </message>
        <message>
            <location filename="../../ui/office/trends_view.py" line="157" />
            <source>本机数据</source>
            <translation>this folder</translation>
        </message>
        <message>
            <location filename="../../ui/office/trends_view.py" line="157" />
            <source>中心数据</source>
            <translation>hub</translation>
        </message>
        <message>
            <location filename="../../ui/office/trends_view.py" line="158" />
            <source>{0}：{1} 次检查，{2} 至 {3}（{4}）</source>
            <translation>{0}: {1} inspections, {2} to {3} ({4})</translation>
        </message>
        <message>
            <location filename="../../ui/office/trends_view.py" line="162" />
            <source>；未计入 {0}（已签署后重新打开，本机没有保存签署时的内容）</source>
            <translation>; not counted: {0} (signed, then reopened; this folder did not keep its rows as signed)</translation>
        </message>
        <message>
            <location filename="../../ui/office/trends_view.py" line="163" />
            <source>{0} 第 {1} 版</source>
            <translation>{0} revision {1}</translation>
        </message>
        <message>
            <location filename="../../ui/office/trends_view.py" line="180" />
            <source>新增整改</source>
            <translation>New findings</translation>
        </message>
        <message>
            <location filename="../../ui/office/trends_view.py" line="180" />
            <source>完成整改</source>
            <translation>Rectified</translation>
        </message>
        <message>
            <location filename="../../ui/office/trends_view.py" line="180" />
            <source>未完成整改</source>
            <translation>Still open</translation>
        </message>
        <message>
            <location filename="../../ui/office/trends_view.py" line="194" />
            <source>{0} 星</source>
            <translation>{0} stars</translation>
        </message>
        <message>
            <location filename="../../ui/office/word_export.py" line="49" />
            <location filename="../../ui/office/word_export.py" line="61" />
            <source>导出 Word</source>
            <translation>Export Word</translation>
        </message>
        <message>
            <location filename="../../ui/office/word_export.py" line="50" />
            <source>检查报告（Word 副本）</source>
            <translation>Inspection report (Word copy)</translation>
        </message>
        <message>
            <location filename="../../ui/office/word_export.py" line="51" />
            <source>Word 文档 (*.docx)</source>
            <translation>Word documents (*.docx)</translation>
        </message>
        <message>
            <location filename="../../ui/office/word_export.py" line="62" />
            <source>正在生成 Word 副本…</source>
            <translation>Making the Word copy…</translation>
        </message>
        <message>
            <location filename="../../ui/office/word_export.py" line="68" />
            <source>Word 副本已保存到：
{0}

副本可以编辑，但不是正式记录：每页都标有“未签署”。</source>
            <translation>The Word copy was saved to:
{0}

The copy can be edited but is not the record: every page is marked “unsigned”.</translation>
        </message>
        <message>
            <location filename="../../ui/office/word_export.py" line="70" />
            <source>正式记录是已签署的 PDF 报告（SHA-256 {0}），副本首页写明了它。</source>
            <translation>The record is the signed PDF report (SHA-256 {0}); the copy's first page names it.</translation>
        </message>
        <message>
            <location filename="../../ui/office/word_export.py" line="71" />
            <source>已导出 Word</source>
            <translation>Word copy exported</translation>
        </message>
        <message>
            <location filename="../../ui/office/word_export.py" line="74" />
            <source>Word 副本没有生成</source>
            <translation>The Word copy was not made</translation>
        </message>
        <message>
            <location filename="../../ui/office/word_export.py" line="84" />
            <source>导出 Word…</source>
            <translation>Export Word…</translation>
        </message>
        <message>
            <location filename="../../ui/office/word_export.py" line="86" />
            <source>报告的可编辑 Word 副本（未签署，不作为正式记录）</source>
            <translation>An editable Word copy of the report (unsigned, not the record)</translation>
        </message>
        <message>
            <location filename="../../ui/office/word_export.py" line="88" />
            <location filename="../../ui/reports/report_menu.py" line="81" />
            <location filename="../../ui/window_menus.py" line="64" />
            <source>报告(&amp;R)</source>
            <translation>&amp;Report</translation>
        </message>
        <message>
            <location filename="../../ui/office/word_export.py" line="97" />
            <source>请先打开或选择要导出的检查</source>
            <translation>Open or select the inspection to export first</translation>
        </message>
        <message>
            <location filename="../../ui/photos/annotation_editor.py" line="231" />
            <source>正在载入照片…</source>
            <translation>Loading photo…</translation>
        </message>
        <message>
            <location filename="../../ui/photos/annotation_editor.py" line="399" />
            <source>添加文字</source>
            <translation>Add text</translation>
        </message>
        <message>
            <location filename="../../ui/photos/annotation_editor.py" line="400" />
            <source>标注文字：</source>
            <translation>Annotation text:</translation>
        </message>
        <message>
            <location filename="../../ui/photos/import_flow.py" line="53" />
            <source>已导入 {0} 张照片</source>
            <translation>Photos imported: {0}</translation>
        </message>
        <message>
            <location filename="../../ui/photos/import_flow.py" line="55" />
            <source>{0} 张已在本检查中</source>
            <translation>{0} already in this inspection</translation>
        </message>
        <message>
            <location filename="../../ui/photos/import_flow.py" line="57" />
            <source>{0} 个文件未导入</source>
            <translation>Files not imported: {0}</translation>
        </message>
        <message>
            <location filename="../../ui/photos/import_flow.py" line="59" />
            <source>出错后停止，{0} 个文件未处理</source>
            <translation>stopped after an error, {0} files not processed</translation>
        </message>
        <message>
            <location filename="../../ui/photos/import_flow.py" line="61" />
            <source>已取消，{0} 个文件未处理</source>
            <translation>Cancelled; files not processed: {0}</translation>
        </message>
        <message>
            <location filename="../../ui/photos/import_flow.py" line="70" />
            <location filename="../../ui/photos/import_flow.py" line="167" />
            <source>正在查找照片…</source>
            <translation>Looking for photos…</translation>
        </message>
        <message>
            <location filename="../../ui/photos/import_flow.py" line="103" />
            <source>照片 ({0});;所有文件 (*)</source>
            <translation>Photos ({0});;All files (*)</translation>
        </message>
        <message>
            <location filename="../../ui/photos/import_flow.py" line="104" />
            <source>添加照片</source>
            <translation>Add photos</translation>
        </message>
        <message>
            <location filename="../../ui/photos/import_flow.py" line="112" />
            <source>部分文件未导入</source>
            <translation>Some files were not imported</translation>
        </message>
        <message>
            <location filename="../../ui/photos/import_flow.py" line="115" />
            <source>。以下文件未导入，原件未作任何改动：</source>
            <translation>. The following files were not imported; the originals were not changed:</translation>
        </message>
        <message>
            <location filename="../../ui/photos/import_flow.py" line="119" />
            <source>文件</source>
            <translation>File</translation>
        </message>
        <message>
            <location filename="../../ui/photos/import_flow.py" line="168" />
            <source>导入照片</source>
            <translation>Import photos</translation>
        </message>
        <message>
            <location filename="../../ui/photos/import_flow.py" line="189" />
            <source>正在取消…（正在处理的照片完成后停止）</source>
            <translation>Cancelling… (stops after the photo being processed)</translation>
        </message>
        <message>
            <location filename="../../ui/photos/import_flow.py" line="197" />
            <source>正在导入 {0}/{1}：{2}</source>
            <translation>Importing {0}/{1}: {2}</translation>
        </message>
        <message>
            <location filename="../../ui/photos/import_flow.py" line="208" />
            <location filename="../../ui/photos/import_flow.py" line="220" />
            <source>照片没有全部导入</source>
            <translation>Not all photos were imported</translation>
        </message>
        <message>
            <location filename="../../ui/photos/import_flow.py" line="209" />
            <location filename="../../ui/photos/import_flow.py" line="221" />
            <source>。已导入的照片已保存。</source>
            <translation>. The photos imported are saved.</translation>
        </message>
        <message>
            <location filename="../../ui/photos/import_flow.py" line="265" />
            <source>该检查已签署，只读；不能添加照片</source>
            <translation>This inspection is signed and read-only; photos cannot be added</translation>
        </message>
        <message>
            <location filename="../../ui/photos/import_flow.py" line="272" />
            <source>上一批照片还在导入，请稍候</source>
            <translation>The previous photos are still being imported; please wait</translation>
        </message>
        <message>
            <location filename="../../ui/photos/import_flow.py" line="308" />
            <source>照片已删除（可撤销：Ctrl+Z）</source>
            <translation>Photo deleted (undo: Ctrl+Z)</translation>
        </message>
        <message>
            <location filename="../../ui/photos/photo_facts.py" line="32" />
            <source>距园区约 {0}</source>
            <translation>about {0} from the park</translation>
        </message>
        <message>
            <location filename="../../ui/photos/photo_facts.py" line="34" />
            <source>非检查当天（{0}）拍摄</source>
            <translation>not taken on the inspection day ({0})</translation>
        </message>
        <message>
            <location filename="../../ui/photos/photo_strip.py" line="197" />
            <source>可将照片或文件夹拖到这里</source>
            <translation>Drop photos or folders here</translation>
        </message>
        <message>
            <location filename="../../ui/photos/photo_strip.py" line="204" />
            <source>添加照片…</source>
            <translation>Add photos…</translation>
        </message>
        <message>
            <location filename="../../ui/photos/photo_strip.py" line="205" />
            <source>从文件夹选择照片（可多选）</source>
            <translation>Choose photos from a folder (several at once)</translation>
        </message>
        <message>
            <location filename="../../ui/photos/photo_strip.py" line="234" />
            <source>还没有照片。点击“添加照片…”，或把照片、文件夹拖到这里。</source>
            <translation>No photos yet. Click "Add photos…" or drop photos or folders here.</translation>
        </message>
        <message>
            <location filename="../../ui/photos/photo_strip.py" line="239" />
            <location filename="../../ui/photos/photo_viewer.py" line="211" />
            <location filename="../../ui/session/undo_commands.py" line="189" />
            <source>删除照片</source>
            <translation>Delete photo</translation>
        </message>
        <message>
            <location filename="../../ui/photos/photo_strip.py" line="275" />
            <source>查看 / 标注…</source>
            <translation>View / annotate…</translation>
        </message>
        <message>
            <location filename="../../ui/photos/photo_strip.py" line="276" />
            <source>移动到其他条目…</source>
            <translation>Move to another item…</translation>
        </message>
        <message>
            <location filename="../../ui/photos/photo_viewer.py" line="57" />
            <source>无法读取照片文件 {0}</source>
            <translation>Cannot read the photo file {0}</translation>
        </message>
        <message>
            <location filename="../../ui/photos/photo_viewer.py" line="80" />
            <source>移动照片到…</source>
            <translation>Move photo to…</translation>
        </message>
        <message>
            <location filename="../../ui/photos/photo_viewer.py" line="84" />
            <source>搜索编号或标题</source>
            <translation>Search code or title</translation>
        </message>
        <message>
            <location filename="../../ui/photos/photo_viewer.py" line="89" />
            <source>整体照片（不属于具体条目）</source>
            <translation>General photos (not of one item)</translation>
        </message>
        <message>
            <location filename="../../ui/photos/photo_viewer.py" line="102" />
            <source>（当前）</source>
            <translation>(current)</translation>
        </message>
        <message>
            <location filename="../../ui/photos/photo_viewer.py" line="171" />
            <source>说明：</source>
            <translation>Caption:</translation>
        </message>
        <message>
            <location filename="../../ui/photos/photo_viewer.py" line="173" />
            <source>照片说明（会印在报告中）</source>
            <translation>Photo caption (printed in the report)</translation>
        </message>
        <message>
            <location filename="../../ui/photos/photo_viewer.py" line="193" />
            <source>‹ 上一张</source>
            <translation>‹ Previous</translation>
        </message>
        <message>
            <location filename="../../ui/photos/photo_viewer.py" line="195" />
            <source>下一张 ›</source>
            <translation>Next ›</translation>
        </message>
        <message>
            <location filename="../../ui/photos/photo_viewer.py" line="200" />
            <source>适应窗口</source>
            <translation>Fit to window</translation>
        </message>
        <message>
            <location filename="../../ui/photos/photo_viewer.py" line="209" />
            <source>移动到…</source>
            <translation>Move to…</translation>
        </message>
        <message>
            <location filename="../../ui/photos/photo_viewer.py" line="223" />
            <source>在照片上画{0}</source>
            <translation>Draw a {0} on the photo</translation>
        </message>
        <message>
            <location filename="../../ui/photos/photo_viewer.py" line="224" />
            <source>选择、移动标注；拖动查看照片</source>
            <translation>Select and move annotations; drag to pan the photo</translation>
        </message>
        <message>
            <location filename="../../ui/photos/photo_viewer.py" line="236" />
            <source>标注颜色</source>
            <translation>Annotation colour</translation>
        </message>
        <message>
            <location filename="../../ui/photos/photo_viewer.py" line="244" />
            <source>删除所选标注</source>
            <translation>Delete selected annotation</translation>
        </message>
        <message>
            <location filename="../../ui/photos/photo_viewer.py" line="246" />
            <source>保存标注</source>
            <translation>Save annotations</translation>
        </message>
        <message>
            <location filename="../../ui/photos/photo_viewer.py" line="274" />
            <source>照片 {0}/{1} — {2}</source>
            <translation>Photo {0}/{1} — {2}</translation>
        </message>
        <message>
            <location filename="../../ui/photos/photo_viewer.py" line="302" />
            <source>无法显示照片：{0}</source>
            <translation>Cannot show the photo: {0}</translation>
        </message>
        <message>
            <location filename="../../ui/photos/photo_viewer.py" line="378" />
            <source>已移动到 {0}</source>
            <translation>Moved to {0}</translation>
        </message>
        <message>
            <location filename="../../ui/photos/photo_viewer.py" line="393" />
            <source>已删除照片“{0}”（可按 Ctrl+Z 撤销）</source>
            <translation>Deleted photo "{0}" (Ctrl+Z undoes it)</translation>
        </message>
        <message>
            <location filename="../../ui/reports/evidence_reasons.py" line="31" />
            <source>证据不全的条目</source>
            <translation>Items without the evidence their rule asks for</translation>
        </message>
        <message>
            <location filename="../../ui/reports/evidence_reasons.py" line="35" />
            <source>以下条目的检查结果缺少证据要求的内容。可以先补充照片、整改项或备注；如确实无法提供，请逐条说明理由，理由将写入报告。</source>
            <translation>These items lack what their evidence rule asks for. Add the photos, findings or notes first; where that is impossible, give a reason for each item: it is printed in the report.</translation>
        </message>
        <message>
            <location filename="../../ui/reports/evidence_reasons.py" line="41" />
            <source>&lt;b&gt;{0} {1}&lt;/b&gt;（{2}）&lt;br&gt;缺少：{3}</source>
            <translation>&lt;b&gt;{0} {1}&lt;/b&gt; ({2})&lt;br&gt;missing: {3}</translation>
        </message>
        <message>
            <location filename="../../ui/reports/evidence_reasons.py" line="47" />
            <source>理由，例如：现场不允许拍照</source>
            <translation>reason, e.g. photography not allowed on site</translation>
        </message>
        <message>
            <location filename="../../ui/reports/evidence_reasons.py" line="73" />
            <source>还有 {0} 个条目没有填写理由。</source>
            <translation>{0} items still have no reason.</translation>
        </message>
        <message>
            <location filename="../../ui/reports/export_dialogs.py" line="115" />
            <source>第{0}版</source>
            <translation>rev{0}</translation>
        </message>
        <message>
            <location filename="../../ui/reports/export_dialogs.py" line="129" />
            <location filename="../../ui/reports/revisions_dialog.py" line="90" />
            <source>打开报告</source>
            <translation>Open report</translation>
        </message>
        <message>
            <location filename="../../ui/reports/export_dialogs.py" line="134" />
            <location filename="../../ui/reports/revisions_dialog.py" line="92" />
            <source>打开所在文件夹</source>
            <translation>Show in Folder</translation>
        </message>
        <message>
            <location filename="../../ui/reports/export_dialogs.py" line="167" />
            <source>保存草稿报告</source>
            <translation>Save draft report</translation>
        </message>
        <message>
            <location filename="../../ui/reports/export_dialogs.py" line="168" />
            <source>检查报告草稿</source>
            <translation>Inspection-report-draft</translation>
        </message>
        <message>
            <location filename="../../ui/reports/export_dialogs.py" line="181" />
            <source>生成草稿报告</source>
            <translation>Draft report</translation>
        </message>
        <message>
            <location filename="../../ui/reports/export_dialogs.py" line="181" />
            <source>正在生成草稿报告…</source>
            <translation>Building the draft report…</translation>
        </message>
        <message>
            <location filename="../../ui/reports/export_dialogs.py" line="187" />
            <source>草稿报告已生成</source>
            <translation>Draft report ready</translation>
        </message>
        <message>
            <location filename="../../ui/reports/export_dialogs.py" line="188" />
            <source>草稿报告（未签署）已保存到：
{0}

草稿供核对内容；正式报告请用“签署报告”生成。</source>
            <translation>The draft report (not signed) is saved at:
{0}

A draft is for checking the content; the official report comes from “Sign report”.</translation>
        </message>
        <message>
            <location filename="../../ui/reports/export_dialogs.py" line="192" />
            <source>草稿报告没有生成</source>
            <translation>The draft report was not built</translation>
        </message>
        <message>
            <location filename="../../ui/reports/export_dialogs.py" line="227" />
            <source>正在导出 Excel…</source>
            <translation>Exporting to Excel…</translation>
        </message>
        <message>
            <location filename="../../ui/reports/export_dialogs.py" line="232" />
            <source>检查结果已导出到：
{0}</source>
            <translation>The inspection results are exported to:
{0}</translation>
        </message>
        <message>
            <location filename="../../ui/reports/export_dialogs.py" line="235" />
            <source>已导出 Excel</source>
            <translation>Exported to Excel</translation>
        </message>
        <message>
            <location filename="../../ui/reports/export_dialogs.py" line="238" />
            <source>Excel 没有导出</source>
            <translation>The Excel export did not complete</translation>
        </message>
        <message>
            <location filename="../../ui/reports/key_dialog.py" line="97" />
            <source>签名密钥</source>
            <translation>Signing key</translation>
        </message>
        <message>
            <location filename="../../ui/reports/key_dialog.py" line="98" />
            <source>当前签名密钥</source>
            <translation>Current signing key</translation>
        </message>
        <message>
            <location filename="../../ui/reports/key_dialog.py" line="100" />
            <source>还没有签名密钥。签署报告需要一个个人签名密钥：可以在本机创建（自签名证书），也可以导入单位颁发的 .p12 文件。</source>
            <translation>No signing key yet. Signing reports needs a personal signing key: create one on this laptop (self-signed certificate), or import the .p12 file your organisation issued.</translation>
        </message>
        <message>
            <location filename="../../ui/reports/key_dialog.py" line="103" />
            <location filename="../../ui/reports/verify_dialog.py" line="155" />
            <source>签署人：</source>
            <translation>Signed by:</translation>
        </message>
        <message>
            <location filename="../../ui/reports/key_dialog.py" line="103" />
            <location filename="../../ui/reports/key_forms.py" line="141" />
            <location filename="../../ui/reports/verify_dialog.py" line="156" />
            <source>单位：</source>
            <translation>Organisation:</translation>
        </message>
        <message>
            <location filename="../../ui/reports/key_dialog.py" line="104" />
            <location filename="../../ui/reports/key_forms.py" line="142" />
            <location filename="../../ui/reports/signatures_dialog.py" line="125" />
            <source>职务：</source>
            <translation>Title:</translation>
        </message>
        <message>
            <location filename="../../ui/reports/key_dialog.py" line="104" />
            <source>有效期：</source>
            <translation>Valid:</translation>
        </message>
        <message>
            <location filename="../../ui/reports/key_dialog.py" line="105" />
            <source>指纹（SHA-256）：</source>
            <translation>Fingerprint (SHA-256):</translation>
        </message>
        <message>
            <location filename="../../ui/reports/key_dialog.py" line="105" />
            <location filename="../../ui/reports/verify_dialog.py" line="155" />
            <source>文件：</source>
            <translation>File:</translation>
        </message>
        <message>
            <location filename="../../ui/reports/key_dialog.py" line="106" />
            <source>不能签署：</source>
            <translation>Cannot sign:</translation>
        </message>
        <message>
            <location filename="../../ui/reports/key_dialog.py" line="114" />
            <source>导出我的证书（.crt）…</source>
            <translation>Export my certificate (.crt)…</translation>
        </message>
        <message>
            <location filename="../../ui/reports/key_dialog.py" line="115" />
            <source>把证书（不含私钥）交给需要核实您签署的报告的同事</source>
            <translation>Give the certificate (without the private key) to colleagues who need to check reports you signed</translation>
        </message>
        <message>
            <location filename="../../ui/reports/key_dialog.py" line="121" />
            <source>需要核实您签署的报告的同事，可以在其电脑上信任您的证书（.crt，不含私钥）。</source>
            <translation>Colleagues who need to check the reports you sign can trust your certificate (.crt, no private key) on their computers.</translation>
        </message>
        <message>
            <location filename="../../ui/reports/key_dialog.py" line="122" />
            <source>创建新密钥…</source>
            <translation>Create new key…</translation>
        </message>
        <message>
            <location filename="../../ui/reports/key_dialog.py" line="123" />
            <source>导入单位颁发的密钥（.p12）…</source>
            <translation>Import an issued key (.p12)…</translation>
        </message>
        <message>
            <location filename="../../ui/reports/key_dialog.py" line="158" />
            <source>密钥文件旁没有证书文件，无法显示证书信息；签署时仍可使用。</source>
            <translation>There is no certificate file beside the key file, so its details cannot be shown; it can still sign.</translation>
        </message>
        <message>
            <location filename="../../ui/reports/key_dialog.py" line="175" />
            <location filename="../../ui/reports/verify_dialog.py" line="251" />
            <source>{0} 至 {1}</source>
            <translation>{0} to {1}</translation>
        </message>
        <message>
            <location filename="../../ui/reports/key_dialog.py" line="178" />
            <source>（已过期，请创建或导入新密钥）</source>
            <translation> (expired: create or import a new key)</translation>
        </message>
        <message>
            <location filename="../../ui/reports/key_dialog.py" line="192" />
            <source>导出证书</source>
            <translation>Export certificate</translation>
        </message>
        <message>
            <location filename="../../ui/reports/key_dialog.py" line="193" />
            <source>证书 (*.crt)</source>
            <translation>Certificates (*.crt)</translation>
        </message>
        <message>
            <location filename="../../ui/reports/key_dialog.py" line="208" />
            <source>创建新密钥</source>
            <translation>Create new key</translation>
        </message>
        <message>
            <location filename="../../ui/reports/key_dialog.py" line="209" />
            <source>新密钥将代替当前密钥用于签署。当前密钥文件保留在本机，已签署的报告不受影响。继续吗？</source>
            <translation>The new key will sign instead of the current one. The current key file stays on this laptop, and signed reports are not affected. Continue?</translation>
        </message>
        <message>
            <location filename="../../ui/reports/key_dialog.py" line="239" />
            <source>签名密钥没有创建</source>
            <translation>Signing Key Not Created</translation>
        </message>
        <message>
            <location filename="../../ui/reports/key_dialog.py" line="248" />
            <location filename="../../ui/reports/key_dialog.py" line="253" />
            <source>导入签名密钥</source>
            <translation>Import signing key</translation>
        </message>
        <message>
            <location filename="../../ui/reports/key_dialog.py" line="248" />
            <source>签名密钥 (*.p12 *.pfx);;所有文件 (*)</source>
            <translation>Signing keys (*.p12 *.pfx);;All files (*)</translation>
        </message>
        <message>
            <location filename="../../ui/reports/key_dialog.py" line="253" />
            <source>输入 {0} 的密码（用于核对；程序不会保存密码）：</source>
            <translation>The password of {0} (to check it; it is never stored):</translation>
        </message>
        <message>
            <location filename="../../ui/reports/key_dialog.py" line="266" />
            <source>密码不正确，请重新输入。</source>
            <translation>Wrong password, please try again.</translation>
        </message>
        <message>
            <location filename="../../ui/reports/key_dialog.py" line="286" />
            <source>签名密钥没有设置</source>
            <translation>The signing key was not set</translation>
        </message>
        <message>
            <location filename="../../ui/reports/key_forms.py" line="38" />
            <source>太短：至少 {0} 位</source>
            <translation>too short: at least {0} characters</translation>
        </message>
        <message>
            <location filename="../../ui/reports/key_forms.py" line="43" />
            <source>强</source>
            <translation>strong</translation>
        </message>
        <message>
            <location filename="../../ui/reports/key_forms.py" line="46" />
            <source>再长一些（至少 {0} 位，现在 {1} 位）</source>
            <translation>make it longer (at least {0} characters; it has {1})</translation>
        </message>
        <message>
            <location filename="../../ui/reports/key_forms.py" line="48" />
            <source>加入字母</source>
            <translation>add letters</translation>
        </message>
        <message>
            <location filename="../../ui/reports/key_forms.py" line="50" />
            <source>加入数字或符号</source>
            <translation>add digits or symbols</translation>
        </message>
        <message>
            <location filename="../../ui/reports/key_forms.py" line="52" />
            <source>弱：建议{0}</source>
            <translation>weak: {0}</translation>
        </message>
        <message>
            <location filename="../../ui/reports/key_forms.py" line="54" />
            <source>再长一些（{0} 位以上）</source>
            <translation>make it longer ({0} characters or more)</translation>
        </message>
        <message>
            <location filename="../../ui/reports/key_forms.py" line="56" />
            <source>混合大小写字母、数字、符号中的三类</source>
            <translation>mix three of: lower case, upper case, digits, symbols</translation>
        </message>
        <message>
            <location filename="../../ui/reports/key_forms.py" line="57" />
            <source>中等：{0}会更安全</source>
            <translation>medium: to be safer, {0}</translation>
        </message>
        <message>
            <location filename="../../ui/reports/key_forms.py" line="98" />
            <source>不能含有换行等控制字符</source>
            <translation>Must not contain line breaks or other control characters</translation>
        </message>
        <message>
            <location filename="../../ui/reports/key_forms.py" line="102" />
            <source>{0} 不能写入签名证书（证书只接受 Unicode 3.2 已有的字符）：请用常用字或拼音代替。报告中检查人员的姓名不受影响。</source>
            <translation>{0} cannot go into a signing certificate (it accepts only characters Unicode 3.2 already had): use a common character or pinyin instead. The inspectors' names in the report are not affected.</translation>
        </message>
        <message>
            <location filename="../../ui/reports/key_forms.py" line="105" />
            <source>太长：证书中最多约 21 个汉字</source>
            <translation>Too long: a certificate holds about 21 Chinese characters at most</translation>
        </message>
        <message>
            <location filename="../../ui/reports/key_forms.py" line="121" />
            <source>创建签名密钥</source>
            <translation>Create signing key</translation>
        </message>
        <message>
            <location filename="../../ui/reports/key_forms.py" line="127" />
            <source>可不填</source>
            <translation>optional</translation>
        </message>
        <message>
            <location filename="../../ui/reports/key_forms.py" line="140" />
            <source>签署人姓名：</source>
            <translation>Signer's name:</translation>
        </message>
        <message>
            <location filename="../../ui/reports/key_forms.py" line="143" />
            <source>密码：</source>
            <translation>Password:</translation>
        </message>
        <message>
            <location filename="../../ui/reports/key_forms.py" line="144" />
            <source>再次输入密码：</source>
            <translation>Password again:</translation>
        </message>
        <message>
            <location filename="../../ui/reports/key_forms.py" line="145" />
            <source>密码保护密钥文件，程序不会保存它：每次签署报告时需要输入。忘记密码后只能创建新密钥（已签署的报告不受影响）。证书有效期 5 年。</source>
            <translation>The password protects the key file and is never stored: you enter it each time you sign a report. A forgotten password means creating a new key (reports already signed are not affected). The certificate is valid for 5 years.</translation>
        </message>
        <message>
            <location filename="../../ui/reports/key_forms.py" line="150" />
            <source>创建密钥</source>
            <translation>Create key</translation>
        </message>
        <message>
            <location filename="../../ui/reports/key_forms.py" line="202" />
            <source>密码强度：{0}</source>
            <translation>Password strength: {0}</translation>
        </message>
        <message>
            <location filename="../../ui/reports/key_forms.py" line="203" />
            <source>至少 {0} 位</source>
            <translation>At least {0} characters</translation>
        </message>
        <message>
            <location filename="../../ui/reports/key_forms.py" line="208" />
            <source>两次输入的密码不一致</source>
            <translation>The two passwords differ</translation>
        </message>
        <message>
            <location filename="../../ui/reports/key_forms.py" line="225" />
            <source>再次输入密码</source>
            <translation>Password again</translation>
        </message>
        <message>
            <location filename="../../ui/reports/key_forms.py" line="226" />
            <source>还需填写：{0}</source>
            <translation>Still needed: {0}</translation>
        </message>
        <message>
            <location filename="../../ui/reports/key_forms.py" line="228" />
            <source>密码中不能含有控制字符</source>
            <translation>The password must not contain control characters</translation>
        </message>
        <message>
            <location filename="../../ui/reports/print_preview.py" line="63" />
            <source>正在准备第 {0} 页，共 {1} 页</source>
            <translation>Preparing page {0} of {1}</translation>
        </message>
        <message>
            <location filename="../../ui/reports/print_preview.py" line="133" />
            <source>正在打印…</source>
            <translation>Printing…</translation>
        </message>
        <message>
            <location filename="../../ui/reports/print_preview.py" line="134" />
            <location filename="../../ui/reports/print_preview.py" line="237" />
            <location filename="../../ui/reports/print_preview.py" line="248" />
            <source>打印</source>
            <translation>Print</translation>
        </message>
        <message>
            <location filename="../../ui/reports/print_preview.py" line="141" />
            <source>正在打印第 {0} 页，共 {1} 页…</source>
            <translation>Printing page {0} of {1}…</translation>
        </message>
        <message>
            <location filename="../../ui/reports/print_preview.py" line="189" />
            <source>打印预览 — {0}</source>
            <translation>Print preview — {0}</translation>
        </message>
        <message>
            <location filename="../../ui/reports/print_preview.py" line="223" />
            <location filename="../../ui/reports/verify_dialog.py" line="235" />
            <source>{0}（第 {1} 版）</source>
            <translation>{0} (revision {1})</translation>
        </message>
        <message>
            <location filename="../../ui/reports/print_preview.py" line="225" />
            <source> 已签署</source>
            <translation>, signed</translation>
        </message>
        <message>
            <location filename="../../ui/reports/print_preview.py" line="238" />
            <source>尚未签署：正在生成草稿报告用于打印…</source>
            <translation>Not signed yet: building a draft report to print…</translation>
        </message>
        <message>
            <location filename="../../ui/reports/print_preview.py" line="239" />
            <source> 草稿（未签署）</source>
            <translation>, draft (not signed)</translation>
        </message>
        <message>
            <location filename="../../ui/reports/print_preview.py" line="249" />
            <source>正在准备打印预览…</source>
            <translation>Preparing the print preview…</translation>
        </message>
        <message>
            <location filename="../../ui/reports/print_preview.py" line="271" />
            <source>无法打印</source>
            <translation>Cannot print</translation>
        </message>
        <message>
            <location filename="../../ui/reports/report_menu.py" line="58" />
            <location filename="../../ui/reports/sign_dialog.py" line="102" />
            <source>现场签名…</source>
            <translation>Signatures on site…</translation>
        </message>
        <message>
            <location filename="../../ui/reports/report_menu.py" line="59" />
            <source>检查人员和园区代表在本机上手写签名</source>
            <translation>Inspectors and the park's representative sign by hand on this laptop</translation>
        </message>
        <message>
            <location filename="../../ui/reports/report_menu.py" line="60" />
            <location filename="../../ui/reports/sign_dialog.py" line="104" />
            <source>签名密钥…</source>
            <translation>Signing key…</translation>
        </message>
        <message>
            <location filename="../../ui/reports/report_menu.py" line="61" />
            <source>创建或导入签署报告用的个人签名密钥</source>
            <translation>Create or import the personal key that signs reports</translation>
        </message>
        <message>
            <location filename="../../ui/reports/report_menu.py" line="62" />
            <source>生成草稿报告（PDF）…</source>
            <translation>Draft report (PDF)…</translation>
        </message>
        <message>
            <location filename="../../ui/reports/report_menu.py" line="63" />
            <source>未签署的报告，供签署前核对</source>
            <translation>An unsigned report, to check before signing</translation>
        </message>
        <message>
            <location filename="../../ui/reports/report_menu.py" line="64" />
            <source>签署报告…</source>
            <translation>Sign report…</translation>
        </message>
        <message>
            <location filename="../../ui/reports/report_menu.py" line="65" />
            <source>生成报告并加盖数字签名；签署后检查被锁定</source>
            <translation>Build the report and sign it digitally; signing locks the inspection</translation>
        </message>
        <message>
            <location filename="../../ui/reports/report_menu.py" line="66" />
            <source>重新打开（新修订版）…</source>
            <translation>Reopen (new revision)…</translation>
        </message>
        <message>
            <location filename="../../ui/reports/report_menu.py" line="67" />
            <source>已签署的检查重新打开修改；已签署的报告保持不变</source>
            <translation>Reopen a signed inspection for changes; signed reports stay as they are</translation>
        </message>
        <message>
            <location filename="../../ui/reports/report_menu.py" line="68" />
            <location filename="../../ui/reports/report_menu.py" line="226" />
            <source>打印…</source>
            <translation>Print…</translation>
        </message>
        <message>
            <location filename="../../ui/reports/report_menu.py" line="69" />
            <source>打印已签署的报告；尚未签署时打印草稿</source>
            <translation>Print the signed report, or a draft while it is not signed</translation>
        </message>
        <message>
            <location filename="../../ui/reports/report_menu.py" line="71" />
            <source>修订版本与已签署报告…</source>
            <translation>Revisions and signed reports…</translation>
        </message>
        <message>
            <location filename="../../ui/reports/report_menu.py" line="72" />
            <source>本检查的各个修订版本，打开之前签署的报告</source>
            <translation>Every revision of this inspection; open the reports signed earlier</translation>
        </message>
        <message>
            <location filename="../../ui/reports/report_menu.py" line="73" />
            <source>验证报告…</source>
            <translation>Verify report…</translation>
        </message>
        <message>
            <location filename="../../ui/reports/report_menu.py" line="74" />
            <source>检查一份 PDF 报告的数字签名：是否被改动、由谁签署</source>
            <translation>Check a PDF report's digital signature: changed or not, and who signed it</translation>
        </message>
        <message>
            <location filename="../../ui/reports/report_menu.py" line="176" />
            <location filename="../../ui/reports/sign_dialog.py" line="88" />
            <location filename="../../ui/reports/sign_dialog.py" line="338" />
            <source>签署报告</source>
            <translation>Sign report</translation>
        </message>
        <message>
            <location filename="../../ui/reports/report_menu.py" line="177" />
            <source>该检查已签署（第 {0} 版）。如需修改后再次签署，请先“重新打开（新修订版）”。</source>
            <translation>This inspection is signed (revision {0}). To change it and sign again, first use “Reopen (new revision)”.</translation>
        </message>
        <message>
            <location filename="../../ui/reports/report_menu.py" line="223" />
            <source>报告已签署</source>
            <translation>Report signed</translation>
        </message>
        <message>
            <location filename="../../ui/reports/report_menu.py" line="224" />
            <source>报告 {0}（第 {1} 版）已签署，检查已锁定。

报告保存在：
{2}</source>
            <translation>Report {0} (revision {1}) is signed and the inspection is locked.

The report is saved at:
{2}</translation>
        </message>
        <message>
            <location filename="../../ui/reports/report_menu.py" line="259" />
            <source>{0}（第 {1} 版）已签署</source>
            <translation>{0} (revision {1}), signed</translation>
        </message>
        <message>
            <location filename="../../ui/reports/revisions_dialog.py" line="59" />
            <source>当前（未签署）</source>
            <translation>current (not signed)</translation>
        </message>
        <message>
            <location filename="../../ui/reports/revisions_dialog.py" line="59" />
            <source>未签署</source>
            <translation>not signed</translation>
        </message>
        <message>
            <location filename="../../ui/reports/revisions_dialog.py" line="68" />
            <source>修订版本 — {0}</source>
            <translation>Revisions — {0}</translation>
        </message>
        <message>
            <location filename="../../ui/reports/revisions_dialog.py" line="72" />
            <source>重新打开已签署的检查会生成新的修订版本；之前签署的报告保持不变，可在此打开。</source>
            <translation>Reopening a signed inspection makes a new revision; the reports signed before stay as they are and open from here.</translation>
        </message>
        <message>
            <location filename="../../ui/reports/revisions_dialog.py" line="74" />
            <source>签署时间</source>
            <translation>Signed at</translation>
        </message>
        <message>
            <location filename="../../ui/reports/revisions_dialog.py" line="74" />
            <location filename="../../ui/reports/trusted_panel.py" line="69" />
            <source>签署人</source>
            <translation>Signer</translation>
        </message>
        <message>
            <location filename="../../ui/reports/revisions_dialog.py" line="80" />
            <source>已签署（文件缺失）</source>
            <translation>signed (file missing)</translation>
        </message>
        <message>
            <location filename="../../ui/reports/sign_dialog.py" line="89" />
            <source>&lt;b&gt;报告编号 {0}（第 {1} 版）&lt;/b&gt;&lt;br&gt;{2} · 检查日期 {3}</source>
            <translation>&lt;b&gt;Report {0} (revision {1})&lt;/b&gt;&lt;br&gt;{2} · inspected on {3}</translation>
        </message>
        <message>
            <location filename="../../ui/reports/sign_dialog.py" line="94" />
            <source>签署前检查</source>
            <translation>Before signing</translation>
        </message>
        <message>
            <location filename="../../ui/reports/sign_dialog.py" line="99" />
            <source>填写理由…</source>
            <translation>Give reasons…</translation>
        </message>
        <message>
            <location filename="../../ui/reports/sign_dialog.py" line="106" />
            <source>我已知悉上述问题，仍要签署</source>
            <translation>I know about the points above and want to sign anyway</translation>
        </message>
        <message>
            <location filename="../../ui/reports/sign_dialog.py" line="127" />
            <source>同时保存一份到：</source>
            <translation>Also save a copy to:</translation>
        </message>
        <message>
            <location filename="../../ui/reports/sign_dialog.py" line="129" />
            <source>检查报告</source>
            <translation>Inspection-report</translation>
        </message>
        <message>
            <location filename="../../ui/reports/sign_dialog.py" line="131" />
            <source>可直接输入路径，或点击“选择…”</source>
            <translation>Type a path, or click “Choose…”</translation>
        </message>
        <message>
            <location filename="../../ui/reports/sign_dialog.py" line="146" />
            <source>签署后检查被锁定，不能再修改；如需修改，需重新打开并生成新的修订版。签署的报告同时保存在数据文件夹中。</source>
            <translation>Signing locks the inspection: it can no longer be changed unless it is reopened as a new revision. The signed report is also kept in the data folder.</translation>
        </message>
        <message>
            <location filename="../../ui/reports/sign_dialog.py" line="152" />
            <source>签署并生成报告</source>
            <translation>Sign and issue</translation>
        </message>
        <message>
            <location filename="../../ui/reports/sign_dialog.py" line="175" />
            <source>还有 {0} 个条目未检查（共 {1} 个）；报告中显示为“未检查”。</source>
            <translation>{0} of {1} items are not checked yet; the report shows them as “not checked”.</translation>
        </message>
        <message>
            <location filename="../../ui/reports/sign_dialog.py" line="178" />
            <source>全部 {0} 个条目已检查。</source>
            <translation>All {0} items are checked.</translation>
        </message>
        <message>
            <location filename="../../ui/reports/sign_dialog.py" line="183" />
            <source>{0} 个条目冲突待核（{1}）：两台电脑都改过，请先在条目中选定保留哪一方，之后才能签署。</source>
            <translation>{0} items are conflicts to review ({1}): changed on two computers; pick which side to keep on each item before signing.</translation>
        </message>
        <message>
            <location filename="../../ui/reports/sign_dialog.py" line="188" />
            <source>{0} 个条目缺少证据要求的内容（如不符合却没有照片）：请补充，或填写理由。</source>
            <translation>{0} items lack required evidence (e.g. non-compliant without a photo): add it, or give reasons.</translation>
        </message>
        <message>
            <location filename="../../ui/reports/sign_dialog.py" line="191" />
            <source>证据要求已满足（或已说明理由）。</source>
            <translation>Evidence rules met (or reasons given).</translation>
        </message>
        <message>
            <location filename="../../ui/reports/sign_dialog.py" line="194" />
            <source>缺少手写签名：{0}</source>
            <translation>Handwritten signatures missing: {0}</translation>
        </message>
        <message>
            <location filename="../../ui/reports/sign_dialog.py" line="197" />
            <source>手写签名已齐全。</source>
            <translation>All handwritten signatures are there.</translation>
        </message>
        <message>
            <location filename="../../ui/reports/sign_dialog.py" line="201" />
            <source>签名密钥：{0}（{1}），有效期至 {2}</source>
            <translation>Signing key: {0} ({1}), valid until {2}</translation>
        </message>
        <message>
            <location filename="../../ui/reports/sign_dialog.py" line="206" />
            <location filename="../../ui/reports/trusted_panel.py" line="109" />
            <source>（已过期）</source>
            <translation> (expired)</translation>
        </message>
        <message>
            <location filename="../../ui/reports/sign_dialog.py" line="208" />
            <source>这个密钥不能用于签署：{0}。请在“签名密钥”中创建或导入新密钥。</source>
            <translation>This key cannot sign: {0}. Create or import a new key under Signing key.</translation>
        </message>
        <message>
            <location filename="../../ui/reports/sign_dialog.py" line="212" />
            <source>签名密钥：{0}</source>
            <translation>Signing key: {0}</translation>
        </message>
        <message>
            <location filename="../../ui/reports/sign_dialog.py" line="214" />
            <source>还没有签名密钥：请先创建或导入。</source>
            <translation>No signing key yet: create or import one first.</translation>
        </message>
        <message>
            <location filename="../../ui/reports/sign_dialog.py" line="227" />
            <source>沿用之前版本的手写签名（所确认的检查结果和整改项未改动）：{0}</source>
            <translation>Handwritten signatures carried from an earlier revision (the results and findings they confirmed are unchanged): {0}</translation>
        </message>
        <message>
            <location filename="../../ui/reports/sign_dialog.py" line="230" />
            <source>{0} 在第 {1} 版的签名已失效，需重新签名：{2}</source>
            <translation>{0}: the signature given in revision {1} has lapsed and must be given again: {2}</translation>
        </message>
        <message>
            <location filename="../../ui/reports/sign_dialog.py" line="241" />
            <source>正在导入照片：导入完成后才能签署（报告要包含这些照片）。</source>
            <translation>Photos are being imported: signing can start once the import has finished (the report must include them).</translation>
        </message>
        <message>
            <location filename="../../ui/reports/sign_dialog.py" line="246" />
            <source>{0} 张照片的文件缺失（{1}）；报告中显示为“照片文件缺失”。</source>
            <translation>The files of {0} photos are missing ({1}); the report shows “photo file missing” for them.</translation>
        </message>
        <message>
            <location filename="../../ui/reports/sign_dialog.py" line="249" />
            <source>照片文件齐全（{0} 张）。</source>
            <translation>All photo files are present ({0} photos).</translation>
        </message>
        <message>
            <location filename="../../ui/reports/sign_dialog.py" line="254" />
            <source>{0} 张照片需要核对：{1}{2}。报告中会注明；确认无误再签署。</source>
            <translation>{0} photos need a look: {1}{2}. The report says so; sign once they are right.</translation>
        </message>
        <message>
            <location filename="../../ui/reports/sign_dialog.py" line="287" />
            <source>签署的报告另存为</source>
            <translation>Save the signed report as</translation>
        </message>
        <message>
            <location filename="../../ui/reports/sign_dialog.py" line="305" />
            <source>请填写副本的保存位置，或取消“同时保存一份到”。</source>
            <translation>Enter where to save the copy, or untick “Also save a copy to”.</translation>
        </message>
        <message>
            <location filename="../../ui/reports/sign_dialog.py" line="308" />
            <source>请填写完整路径（包括文件夹），或点击“选择…”。</source>
            <translation>Enter a full path (including the folder), or click “Choose…”.</translation>
        </message>
        <message>
            <location filename="../../ui/reports/sign_dialog.py" line="310" />
            <source>文件夹不存在：{0}</source>
            <translation>The folder does not exist: {0}</translation>
        </message>
        <message>
            <location filename="../../ui/reports/sign_dialog.py" line="338" />
            <source>正在生成并签署报告…</source>
            <translation>Building and signing the report…</translation>
        </message>
        <message>
            <location filename="../../ui/reports/sign_dialog.py" line="361" />
            <source>密码不正确，报告没有签署。请重新输入密码。</source>
            <translation>Wrong password: the report was not signed. Please enter the password again.</translation>
        </message>
        <message>
            <location filename="../../ui/reports/sign_dialog.py" line="369" />
            <source>已取消签署：没有生成报告，检查也没有锁定。</source>
            <translation>Signing cancelled: no report was made and the inspection is not locked.</translation>
        </message>
        <message>
            <location filename="../../ui/reports/sign_dialog.py" line="371" />
            <source>找不到签名密钥文件：{0}
请在“签名密钥”中重新创建或导入。</source>
            <translation>The signing key file is missing: {0}
Create or import a key under “Signing key”.</translation>
        </message>
        <message>
            <location filename="../../ui/reports/sign_dialog.py" line="373" />
            <source>签名密钥文件无法使用（不是有效的 .p12 文件）。请在“签名密钥”中重新创建或导入。</source>
            <translation>The signing key file cannot be used (not a valid .p12 file). Create or import a key under “Signing key”.</translation>
        </message>
        <message>
            <location filename="../../ui/reports/sign_dialog.py" line="375" />
            <location filename="../../ui/reports/sign_dialog.py" line="377" />
            <source>报告没有签署</source>
            <translation>The report was not signed</translation>
        </message>
        <message>
            <location filename="../../ui/reports/sign_dialog.py" line="385" />
            <source>签署前检查已按最新内容更新；请再次输入密码，点击“重新签署”。</source>
            <translation>The checks above now show the latest content; enter the password again and click “Sign again”.</translation>
        </message>
        <message>
            <location filename="../../ui/reports/sign_dialog.py" line="387" />
            <source>重新签署</source>
            <translation>Sign again</translation>
        </message>
        <message>
            <location filename="../../ui/reports/signature_pad.py" line="101" />
            <source>签名板</source>
            <translation>Signature pad</translation>
        </message>
        <message>
            <location filename="../../ui/reports/signature_pad.py" line="102" />
            <source>请在此处签名（鼠标、手写笔或手指）</source>
            <translation>Sign here (mouse, pen or finger)</translation>
        </message>
        <message>
            <location filename="../../ui/reports/signatures_dialog.py" line="47" />
            <source>检查人员</source>
            <comment>one signer</comment>
            <translation>Inspector</translation>
        </message>
        <message>
            <location filename="../../ui/reports/signatures_dialog.py" line="47" />
            <source>园区代表</source>
            <comment>one signer</comment>
            <translation>Park representative</translation>
        </message>
        <message>
            <location filename="../../ui/reports/signatures_dialog.py" line="116" />
            <source>签名 — {0}</source>
            <translation>Sign — {0}</translation>
        </message>
        <message>
            <location filename="../../ui/reports/signatures_dialog.py" line="118" />
            <location filename="../../ui/reports/signatures_dialog.py" line="168" />
            <source>签名人姓名</source>
            <translation>Name of the signer</translation>
        </message>
        <message>
            <location filename="../../ui/reports/signatures_dialog.py" line="121" />
            <source>如：园区管委会副主任（可不填）</source>
            <translation>e.g. deputy director of the park committee (optional)</translation>
        </message>
        <message>
            <location filename="../../ui/reports/signatures_dialog.py" line="123" />
            <source>身份：</source>
            <translation>Role:</translation>
        </message>
        <message>
            <location filename="../../ui/reports/signatures_dialog.py" line="124" />
            <source>姓名：</source>
            <translation>Name:</translation>
        </message>
        <message>
            <location filename="../../ui/reports/signatures_dialog.py" line="129" />
            <source>撤销一笔</source>
            <translation>Undo stroke</translation>
        </message>
        <message>
            <location filename="../../ui/reports/signatures_dialog.py" line="130" />
            <source>撤销最后一笔（Ctrl+Z）</source>
            <translation>Undo the last stroke (Ctrl+Z)</translation>
        </message>
        <message>
            <location filename="../../ui/reports/signatures_dialog.py" line="131" />
            <source>清除</source>
            <translation>Clear</translation>
        </message>
        <message>
            <location filename="../../ui/reports/signatures_dialog.py" line="138" />
            <source>保存签名</source>
            <translation>Save signature</translation>
        </message>
        <message>
            <location filename="../../ui/reports/signatures_dialog.py" line="158" />
            <source>放弃这个签名？</source>
            <translation>Discard this signature?</translation>
        </message>
        <message>
            <location filename="../../ui/reports/signatures_dialog.py" line="159" />
            <source>已经写下的签名和填写的内容不会保存。</source>
            <translation>The signature drawn and the fields filled in will not be saved.</translation>
        </message>
        <message>
            <location filename="../../ui/reports/signatures_dialog.py" line="170" />
            <location filename="../../ui/reports/signatures_dialog.py" line="252" />
            <source>签名</source>
            <translation>Signature</translation>
        </message>
        <message>
            <location filename="../../ui/reports/signatures_dialog.py" line="171" />
            <source>还需：{0}</source>
            <translation>Still needed: {0}</translation>
        </message>
        <message>
            <location filename="../../ui/reports/signatures_dialog.py" line="192" />
            <source>现场签名</source>
            <translation>Signatures on site</translation>
        </message>
        <message>
            <location filename="../../ui/reports/signatures_dialog.py" line="193" />
            <source>检查人员和园区代表分别在本机上手写签名；签名显示在报告的“签字确认”页。签署报告前请让所有人签名。</source>
            <translation>The inspectors and the park's representative each sign by hand on this laptop; the signatures appear on the report's confirmation page. Have everyone sign before the report is signed.</translation>
        </message>
        <message>
            <location filename="../../ui/reports/signatures_dialog.py" line="203" />
            <source>另一位园区代表签名…</source>
            <translation>Another park representative signs…</translation>
        </message>
        <message>
            <location filename="../../ui/reports/signatures_dialog.py" line="220" />
            <source>正在读取签名…</source>
            <translation>Reading the signatures…</translation>
        </message>
        <message>
            <location filename="../../ui/reports/signatures_dialog.py" line="252" />
            <source>身份</source>
            <translation>Role</translation>
        </message>
        <message>
            <location filename="../../ui/reports/signatures_dialog.py" line="252" />
            <source>姓名 / 职务</source>
            <translation>Name / title</translation>
        </message>
        <message>
            <location filename="../../ui/reports/signatures_dialog.py" line="252" />
            <source>时间</source>
            <translation>Time</translation>
        </message>
        <message>
            <location filename="../../ui/reports/signatures_dialog.py" line="268" />
            <source>第 {0} 版的签名已失效</source>
            <translation>The signature of revision {0} has lapsed</translation>
        </message>
        <message>
            <location filename="../../ui/reports/signatures_dialog.py" line="272" />
            <source>未签名</source>
            <translation>Not signed</translation>
        </message>
        <message>
            <location filename="../../ui/reports/signatures_dialog.py" line="281" />
            <source>签于第 {0} 版
{1}</source>
            <translation>Signed in revision {0}
{1}</translation>
        </message>
        <message>
            <location filename="../../ui/reports/signatures_dialog.py" line="283" />
            <location filename="../../ui/reports/signatures_dialog.py" line="304" />
            <source>重新签名…</source>
            <translation>Sign again…</translation>
        </message>
        <message>
            <location filename="../../ui/reports/signatures_dialog.py" line="283" />
            <source>签名…</source>
            <translation>Sign…</translation>
        </message>
        <message>
            <location filename="../../ui/reports/signatures_dialog.py" line="315" />
            <source>该检查已签署（第 {0} 版），签名不能再更改；如需修改，请先重新打开检查。</source>
            <translation>This inspection is signed (revision {0}); its signatures can no longer change. To change them, reopen the inspection first.</translation>
        </message>
        <message>
            <location filename="../../ui/reports/signatures_dialog.py" line="319" />
            <source>还缺 {0} 个签名：{1}</source>
            <translation>Signatures missing ({0}): {1}</translation>
        </message>
        <message>
            <location filename="../../ui/reports/signatures_dialog.py" line="323" />
            <source>签名已齐全（{0} 人）。</source>
            <translation>All signatures are there ({0}).</translation>
        </message>
        <message>
            <location filename="../../ui/reports/signatures_dialog.py" line="357" />
            <source>删除签名</source>
            <translation>Remove signature</translation>
        </message>
        <message>
            <location filename="../../ui/reports/signatures_dialog.py" line="357" />
            <source>删除 {0} 的签名？删除后需要重新签名。</source>
            <translation>Remove the signature of {0}? They will have to sign again.</translation>
        </message>
        <message>
            <location filename="../../ui/reports/signatures_dialog.py" line="369" />
            <source>签名没有保存</source>
            <translation>The signature was not saved</translation>
        </message>
        <message>
            <location filename="../../ui/reports/trust_question.py" line="25" />
            <source>信任此证书</source>
            <translation>Trust this certificate</translation>
        </message>
        <message>
            <location filename="../../ui/reports/trust_question.py" line="25" />
            <source>信任 {0} 的证书？</source>
            <translation>Trust the certificate of {0}?</translation>
        </message>
        <message>
            <location filename="../../ui/reports/trust_question.py" line="26" />
            <source>SHA-256 指纹：</source>
            <translation>SHA-256 fingerprint:</translation>
        </message>
        <message>
            <location filename="../../ui/reports/trust_question.py" line="28" />
            <source>有效期至：{0}</source>
            <translation>Valid until: {0}</translation>
        </message>
        <message>
            <location filename="../../ui/reports/trust_question.py" line="29" />
            <source>请先通过电话等可靠途径与本人核对指纹，完全一致才信任。信任后，此证书签署的报告在本机验证为“身份已核实”。</source>
            <translation>First compare the fingerprint with the person by a reliable way, such as a phone call, and trust it only if it matches exactly. Once trusted, reports signed with this certificate verify on this computer as “identity confirmed”.</translation>
        </message>
        <message>
            <location filename="../../ui/reports/trust_question.py" line="32" />
            <source>注意：本机已信任同名签署人的另一张证书（{0}）。只有在本人确认换了新证书、且指纹一致时，才信任这张证书。</source>
            <translation>Caution: this computer already trusts another certificate of a signer with this name ({0}). Trust this one only if the person confirms they have a new certificate and the fingerprint matches.</translation>
        </message>
        <message>
            <location filename="../../ui/reports/trust_question.py" line="36" />
            <source>信任</source>
            <translation>Trust</translation>
        </message>
        <message>
            <location filename="../../ui/reports/trusted_panel.py" line="62" />
            <source>本机信任的证书</source>
            <translation>Certificates trusted on this computer</translation>
        </message>
        <message>
            <location filename="../../ui/reports/trusted_panel.py" line="69" />
            <source>有效期至</source>
            <translation>Valid until</translation>
        </message>
        <message>
            <location filename="../../ui/reports/trusted_panel.py" line="69" />
            <source>SHA-256 指纹</source>
            <translation>SHA-256 fingerprint</translation>
        </message>
        <message>
            <location filename="../../ui/reports/trusted_panel.py" line="75" />
            <source>还没有信任任何证书。</source>
            <translation>No certificate is trusted yet.</translation>
        </message>
        <message>
            <location filename="../../ui/reports/trusted_panel.py" line="76" />
            <source>信任同事的证书（.crt）…</source>
            <translation>Trust a colleague's certificate (.crt)…</translation>
        </message>
        <message>
            <location filename="../../ui/reports/trusted_panel.py" line="77" />
            <location filename="../../ui/reports/trusted_panel.py" line="174" />
            <source>不再信任</source>
            <translation>Stop trusting</translation>
        </message>
        <message>
            <location filename="../../ui/reports/trusted_panel.py" line="81" />
            <source>同事签署的报告要在本机验证为“身份已核实”，需先信任其证书（.crt，不含私钥）。信任前请通过电话等可靠途径与本人核对指纹。身份只认证书指纹，不认姓名。</source>
            <translation>For a colleague's reports to verify here as “identity confirmed”, trust their certificate (.crt, no private key) first, after comparing the fingerprint with them by a reliable way such as a phone call. Identity is the certificate's fingerprint, never the name.</translation>
        </message>
        <message>
            <location filename="../../ui/reports/trusted_panel.py" line="108" />
            <source>（本机密钥）</source>
            <translation> (own key)</translation>
        </message>
        <message>
            <location filename="../../ui/reports/trusted_panel.py" line="133" />
            <location filename="../../ui/reports/trusted_panel.py" line="150" />
            <source>信任同事的证书</source>
            <translation>Trust a colleague's certificate</translation>
        </message>
        <message>
            <location filename="../../ui/reports/trusted_panel.py" line="134" />
            <source>证书 (*.crt *.pem *.cer);;所有文件 (*)</source>
            <translation>Certificates (*.crt *.pem *.cer);;All files (*)</translation>
        </message>
        <message>
            <location filename="../../ui/reports/trusted_panel.py" line="143" />
            <location filename="../../ui/reports/trusted_panel.py" line="166" />
            <location filename="../../ui/reports/verify_dialog.py" line="286" />
            <source>证书没有信任</source>
            <translation>Certificate not trusted</translation>
        </message>
        <message>
            <location filename="../../ui/reports/trusted_panel.py" line="150" />
            <source>该证书已在本机信任的证书中。</source>
            <translation>This certificate is trusted on this computer already.</translation>
        </message>
        <message>
            <location filename="../../ui/reports/trusted_panel.py" line="175" />
            <source>不再信任 {0}（{1}）的证书？此后其签署的报告在本机验证为“身份未经核实”。</source>
            <translation>Stop trusting the certificate of {0} ({1})? Reports it signed will then verify here as “identity not confirmed”.</translation>
        </message>
        <message>
            <location filename="../../ui/reports/verify_dialog.py" line="61" />
            <source>不是已签署的报告</source>
            <translation>Not a signed report</translation>
        </message>
        <message>
            <location filename="../../ui/reports/verify_dialog.py" line="62" />
            <source>该 PDF 没有数字签名：它可能是草稿、打印件或从其他地方生成的文件，不能证明内容未被改动。</source>
            <translation>This PDF has no digital signature: it may be a draft, a scan or a file made elsewhere, and nothing proves its content is unchanged.</translation>
        </message>
        <message>
            <location filename="../../ui/reports/verify_dialog.py" line="64" />
            <source>无法验证：文件太大</source>
            <translation>Cannot verify: the file is too large</translation>
        </message>
        <message>
            <location filename="../../ui/reports/verify_dialog.py" line="66" />
            <source>无法读取：不是有效的 PDF 文件</source>
            <translation>Cannot be read: not a valid PDF file</translation>
        </message>
        <message>
            <location filename="../../ui/reports/verify_dialog.py" line="67" />
            <source>文件不是 PDF，或已损坏、不完整。请向报告的提供者重新索取文件。</source>
            <translation>The file is not a PDF, or it is damaged or incomplete. Ask whoever sent the report for the file again.</translation>
        </message>
        <message>
            <location filename="../../ui/reports/verify_dialog.py" line="70" />
            <source>文件已被改动</source>
            <translation>The file has been changed</translation>
        </message>
        <message>
            <location filename="../../ui/reports/verify_dialog.py" line="71" />
            <source>签名与文件内容不符：报告在签署后被改动过或已损坏，内容不可采信。请向签署人索取原件。</source>
            <translation>The signature does not match the content: the report was changed or damaged after signing and cannot be relied on. Ask the signer for the original.</translation>
        </message>
        <message>
            <location filename="../../ui/reports/verify_dialog.py" line="73" />
            <source>签名本身完好，但签署后又有内容被追加到文件中；追加的内容未经签署人确认，此文件不能作为签署的报告使用。请向签署人索取原件。</source>
            <translation>The signature itself is intact, but content was added to the file after signing. The signer never confirmed that content, so this file cannot serve as the signed report. Ask the signer for the original.</translation>
        </message>
        <message>
            <location filename="../../ui/reports/verify_dialog.py" line="76" />
            <source>追加的内容替换了报告附带的检查结果数据；下面的报告编号和园区取自签署时的内容。</source>
            <translation>What was appended replaces the results data attached to the report; the report number and park below are those of the signed content.</translation>
        </message>
        <message>
            <location filename="../../ui/reports/verify_dialog.py" line="77" />
            <source>签名之后文件被追加了内容</source>
            <translation>Content was added to the file after signing</translation>
        </message>
        <message>
            <location filename="../../ui/reports/verify_dialog.py" line="79" />
            <source>签名证书在签署时不可用</source>
            <translation>The signing certificate could not sign at the time</translation>
        </message>
        <message>
            <location filename="../../ui/reports/verify_dialog.py" line="80" />
            <source>文件未被改动，但签名所用的证书在签署时不能用于签署（见下方“发现的问题”），此签名不能采信。</source>
            <translation>The file is unchanged, but the certificate used could not sign at the signing time (see “Problems found” below): this signature cannot be relied on.</translation>
        </message>
        <message>
            <location filename="../../ui/reports/verify_dialog.py" line="82" />
            <source>签名有效，文件未被改动</source>
            <translation>Valid signature, the file is unchanged</translation>
        </message>
        <message>
            <location filename="../../ui/reports/verify_dialog.py" line="83" />
            <source>报告自签署以来没有被改动，签名覆盖整个文件；签署人的证书是本机信任的证书（按指纹核对）。</source>
            <translation>The report has not changed since it was signed and the signature covers the whole file; the signer's certificate is trusted on this computer (checked by fingerprint).</translation>
        </message>
        <message>
            <location filename="../../ui/reports/verify_dialog.py" line="85" />
            <source>冒充风险：签名证书不是本机信任的同名证书</source>
            <translation>Possible impersonation: not the trusted certificate of this name</translation>
        </message>
        <message>
            <location filename="../../ui/reports/verify_dialog.py" line="86" />
            <source>本机信任的证书中有与签署人同名的人，但签署这份报告的是另一张证书。可能有人以其名义自制了证书：请勿采信，并向本人核实。如果本人确实换了新证书，核对指纹一致后才可以信任这张证书。</source>
            <translation>This computer trusts a certificate of someone with the signer's name, but another certificate signed this report. Someone may have made a certificate in their name: do not rely on it, and check with the person. If they really have a new certificate, trust it only after the fingerprint matches.</translation>
        </message>
        <message>
            <location filename="../../ui/reports/verify_dialog.py" line="88" />
            <source>文件完整，但签名人身份未经验证（自签名证书）</source>
            <translation>The file is intact, but the signer's identity is not verified (self-signed certificate)</translation>
        </message>
        <message>
            <location filename="../../ui/reports/verify_dialog.py" line="89" />
            <source>报告自签署以来没有被改动，签名覆盖整个文件。签名证书不在本机信任的证书中，因此无法确认签署人是谁；如需核实，请通过电话等可靠途径向签署人核对下方的证书指纹，一致后点击“信任此证书…”。</source>
            <translation>The report has not changed since it was signed and the signature covers the whole file. The signing certificate is not trusted on this computer, so who signed cannot be confirmed; to confirm it, compare the fingerprint below with the signer by a reliable way such as a phone call, then click “Trust this certificate…”.</translation>
        </message>
        <message>
            <location filename="../../ui/reports/verify_dialog.py" line="97" />
            <source>{0} 字节</source>
            <translation>{0} bytes</translation>
        </message>
        <message>
            <location filename="../../ui/reports/verify_dialog.py" line="98" />
            <source>签名没有覆盖整个文件：签署后文件被追加了内容（{0}）</source>
            <translation>The signature does not cover the whole file: content was appended after signing ({0})</translation>
        </message>
        <message>
            <location filename="../../ui/reports/verify_dialog.py" line="100" />
            <source>其中 {0} 次增量更新</source>
            <translation>incremental updates in it: {0}</translation>
        </message>
        <message>
            <location filename="../../ui/reports/verify_dialog.py" line="102" />
            <source>替换了附带的检查结果数据</source>
            <translation>replacing the attached results data</translation>
        </message>
        <message>
            <location filename="../../ui/reports/verify_dialog.py" line="136" />
            <source>验证报告</source>
            <translation>Verify report</translation>
        </message>
        <message>
            <location filename="../../ui/reports/verify_dialog.py" line="156" />
            <source>签署时间：</source>
            <translation>Signed at:</translation>
        </message>
        <message>
            <location filename="../../ui/reports/verify_dialog.py" line="157" />
            <source>报告编号：</source>
            <translation>Report number:</translation>
        </message>
        <message>
            <location filename="../../ui/reports/verify_dialog.py" line="157" />
            <source>园区：</source>
            <translation>Park:</translation>
        </message>
        <message>
            <location filename="../../ui/reports/verify_dialog.py" line="158" />
            <source>签名范围：</source>
            <translation>Signature covers:</translation>
        </message>
        <message>
            <location filename="../../ui/reports/verify_dialog.py" line="158" />
            <source>签署人身份：</source>
            <translation>Signer's identity:</translation>
        </message>
        <message>
            <location filename="../../ui/reports/verify_dialog.py" line="159" />
            <source>证书指纹（SHA-256）：</source>
            <translation>Certificate fingerprint (SHA-256):</translation>
        </message>
        <message>
            <location filename="../../ui/reports/verify_dialog.py" line="160" />
            <source>证书有效期：</source>
            <translation>Certificate valid:</translation>
        </message>
        <message>
            <location filename="../../ui/reports/verify_dialog.py" line="160" />
            <source>发现的问题：</source>
            <translation>Problems found:</translation>
        </message>
        <message>
            <location filename="../../ui/reports/verify_dialog.py" line="167" />
            <source>信任此证书…</source>
            <translation>Trust this certificate…</translation>
        </message>
        <message>
            <location filename="../../ui/reports/verify_dialog.py" line="168" />
            <source>把签署人的证书加入本机信任的证书（先与本人核对指纹）</source>
            <translation>Add the signer's certificate to the certificates trusted here (compare the fingerprint with them first)</translation>
        </message>
        <message>
            <location filename="../../ui/reports/verify_dialog.py" line="171" />
            <source>验证其他文件…</source>
            <translation>Verify another file…</translation>
        </message>
        <message>
            <location filename="../../ui/reports/verify_dialog.py" line="172" />
            <source>打开文件</source>
            <translation>Open file</translation>
        </message>
        <message>
            <location filename="../../ui/reports/verify_dialog.py" line="191" />
            <location filename="../../ui/reports/verify_dialog.py" line="314" />
            <source>选择要验证的报告</source>
            <translation>Choose the report to verify</translation>
        </message>
        <message>
            <location filename="../../ui/reports/verify_dialog.py" line="191" />
            <location filename="../../ui/reports/verify_dialog.py" line="315" />
            <source>PDF 文件 (*.pdf);;所有文件 (*)</source>
            <translation>PDF files (*.pdf);;All files (*)</translation>
        </message>
        <message>
            <location filename="../../ui/reports/verify_dialog.py" line="201" />
            <source>验证没有完成</source>
            <translation>Verification did not complete</translation>
        </message>
        <message>
            <location filename="../../ui/reports/verify_dialog.py" line="205" />
            <source>正在验证…</source>
            <translation>Verifying…</translation>
        </message>
        <message>
            <location filename="../../ui/reports/verify_dialog.py" line="205" />
            <source>请选择要验证的报告（PDF）</source>
            <translation>Choose a report (PDF) to verify</translation>
        </message>
        <message>
            <location filename="../../ui/reports/verify_dialog.py" line="230" />
            <source>（证书中没有姓名）</source>
            <translation>(no name in the certificate)</translation>
        </message>
        <message>
            <location filename="../../ui/reports/verify_dialog.py" line="233" />
            <source>（未记录）</source>
            <translation>(not recorded)</translation>
        </message>
        <message>
            <location filename="../../ui/reports/verify_dialog.py" line="239" />
            <source>不是本程序生成的检查报告</source>
            <translation>Not an inspection report made by this program</translation>
        </message>
        <message>
            <location filename="../../ui/reports/verify_dialog.py" line="241" />
            <source>签名与文件内容不符</source>
            <translation>The signature does not match the content</translation>
        </message>
        <message>
            <location filename="../../ui/reports/verify_dialog.py" line="242" />
            <source>整个文件</source>
            <translation>The whole file</translation>
        </message>
        <message>
            <location filename="../../ui/reports/verify_dialog.py" line="244" />
            <source>无法核实：签名与文件内容不符</source>
            <translation>Cannot be verified: the signature does not match the content</translation>
        </message>
        <message>
            <location filename="../../ui/reports/verify_dialog.py" line="245" />
            <source>已核实：签名证书是本机信任的证书</source>
            <translation>Confirmed: the signing certificate is trusted on this computer</translation>
        </message>
        <message>
            <location filename="../../ui/reports/verify_dialog.py" line="246" />
            <source>冒充风险：本机信任的 {0} 与签署人同名，签名用的却是另一张证书</source>
            <translation>Possible impersonation: {0}, trusted here, has the signer's name, but another certificate signed</translation>
        </message>
        <message>
            <location filename="../../ui/reports/verify_dialog.py" line="248" />
            <source>未核实：签名证书不在本机信任的证书中</source>
            <translation>Not confirmed: the signing certificate is not trusted on this computer</translation>
        </message>
        <message>
            <location filename="../../ui/reports/verify_dialog.py" line="254" />
            <source>（签署时不可用）</source>
            <translation> (could not sign at the signing time)</translation>
        </message>
        <message>
            <location filename="../../ui/reports/verify_dialog.py" line="254" />
            <source>（签署时有效）</source>
            <translation> (valid at the signing time)</translation>
        </message>
        <message>
            <location filename="../../ui/session/edit_session.py" line="253" />
            <source>保存中…</source>
            <translation>Saving…</translation>
        </message>
        <message>
            <location filename="../../ui/session/edit_session.py" line="265" />
            <source>已保存 {0}</source>
            <translation>Saved {0}</translation>
        </message>
        <message>
            <location filename="../../ui/session/edit_session.py" line="270" />
            <source>保存失败：{0}</source>
            <translation>Not saved: {0}</translation>
        </message>
        <message>
            <location filename="../../ui/session/undo_commands.py" line="139" />
            <source>编辑备注 {0}</source>
            <translation>Edit note {0}</translation>
        </message>
        <message>
            <location filename="../../ui/session/undo_commands.py" line="179" />
            <source>移动照片到 {0}</source>
            <translation>Move photo to {0}</translation>
        </message>
        <message>
            <location filename="../../ui/session/undo_commands.py" line="199" />
            <source>修改照片说明</source>
            <translation>Change photo caption</translation>
        </message>
        <message>
            <location filename="../../ui/session/undo_commands.py" line="209" />
            <source>标注照片</source>
            <translation>Annotate photo</translation>
        </message>
        <message>
            <location filename="../../ui/session/undo_commands.py" line="223" />
            <source>添加整改项 {0}</source>
            <translation>Add rectification {0}</translation>
        </message>
        <message>
            <location filename="../../ui/session/undo_commands.py" line="297" />
            <source>删除整改项 {0}</source>
            <translation>Delete rectification {0}</translation>
        </message>
        <message>
            <location filename="../../ui/session/undo_feedback.py" line="33" />
            <source>已重做：{0}</source>
            <translation>Redone: {0}</translation>
        </message>
        <message>
            <location filename="../../ui/session/undo_feedback.py" line="33" />
            <source>已撤销：{0}</source>
            <translation>Undone: {0}</translation>
        </message>
        <message>
            <location filename="../../ui/session/undo_feedback.py" line="35" />
            <source>（{0}）</source>
            <translation> ({0})</translation>
        </message>
        <message>
            <location filename="../../ui/window_menus.py" line="36" />
            <source>备份数据…</source>
            <translation>Back up data…</translation>
        </message>
        <message>
            <location filename="../../ui/window_menus.py" line="37" />
            <source>导出检查包…</source>
            <translation>Export Inspection Bundle…</translation>
        </message>
        <message>
            <location filename="../../ui/window_menus.py" line="39" />
            <source>导入检查包…</source>
            <translation>Import Inspection Bundle…</translation>
        </message>
        <message>
            <location filename="../../ui/window_menus.py" line="44" />
            <source>文件(&amp;F)</source>
            <translation>&amp;File</translation>
        </message>
        <message>
            <location filename="../../ui/window_menus.py" line="56" />
            <source>编辑(&amp;E)</source>
            <translation>&amp;Edit</translation>
        </message>
        <message>
            <location filename="../../ui/window_menus.py" line="56" />
            <source>检查(&amp;I)</source>
            <translation>&amp;Inspection</translation>
        </message>
        <message>
            <location filename="../../ui/window_menus.py" line="57" />
            <source>照片(&amp;P)</source>
            <translation>&amp;Photos</translation>
        </message>
        <message>
            <location filename="../../ui/window_menus.py" line="57" />
            <source>视图(&amp;V)</source>
            <translation>&amp;View</translation>
        </message>
        <message>
            <location filename="../../ui/window_menus.py" line="67" />
            <source>设置…</source>
            <translation>Settings…</translation>
        </message>
        <message>
            <location filename="../../ui/window_menus.py" line="70" />
            <source>工具(&amp;T)</source>
            <translation>&amp;Tools</translation>
        </message>
        <message>
            <location filename="../../ui/window_menus.py" line="84" />
            <source>帮助(&amp;H)</source>
            <translation>&amp;Help</translation>
        </message>
        <message>
            <location filename="../../ui/window_status.py" line="25" />
            <source>正在处理…</source>
            <translation>Working…</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/about.py" line="30" />
            <source>窗口和界面</source>
            <translation>Windows and user interface</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/about.py" line="31" />
            <source>生成 PDF 报告</source>
            <translation>PDF reports</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/about.py" line="32" />
            <source>PDF 报告的电子签名和验证</source>
            <translation>Signing and verifying PDF reports</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/about.py" line="33" />
            <source>照片的缩放、方向和缩略图</source>
            <translation>Photo resizing, orientation and thumbnails</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/about.py" line="34" />
            <source>数据库</source>
            <translation>Database</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/about.py" line="35" />
            <source>导出 Excel 表格</source>
            <translation>Excel export</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/about.py" line="36" />
            <source>PDF 预览</source>
            <translation>PDF preview</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/about.py" line="38" />
            <source>把标准原文转换为简体（仅在构建检查模板时使用，不随程序分发）</source>
            <translation>Converts the standards to Simplified Chinese (used only when building the checklist templates; not distributed with the program)</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/about.py" line="40" />
            <source>界面和报告中的中文字体（修改版：TrueType 轮廓，GBK 字符集）</source>
            <translation>Chinese font of the windows and reports (modified: TrueType outlines, GBK character set)</translation>
        </message>
        <message>
            <location filename="../../ui/photos/photo_viewer.py" line="39" />
            <source>移动</source>
            <translation>Move</translation>
        </message>
        <message>
            <location filename="../../ui/photos/photo_viewer.py" line="40" />
            <source>箭头</source>
            <translation>Arrow</translation>
        </message>
        <message>
            <location filename="../../ui/photos/photo_viewer.py" line="41" />
            <source>矩形</source>
            <translation>Rectangle</translation>
        </message>
        <message>
            <location filename="../../ui/photos/photo_viewer.py" line="42" />
            <source>椭圆</source>
            <translation>Ellipse</translation>
        </message>
        <message>
            <location filename="../../ui/photos/photo_viewer.py" line="43" />
            <source>文字</source>
            <translation>Text</translation>
        </message>
    </context>
</TS>
