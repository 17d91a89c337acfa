"""Users and roles, for admins: everyone with their role (a combo box per row,
applied at once), and a row to add a colleague by their login name before or
after they first start the app.

The service is the guard (admin only; the last admin cannot step down; logins are
unique single words); the mistakes a user can make are also recognised here
first, so the message names the problem in the user's language instead of the
service's English. Tests drive it without `exec()`: fill the fields, click."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editorial_desk.domain.errors import EditorialError
from editorial_desk.domain.roles import Role
from editorial_desk.domain.users import UserInfo
from editorial_desk.ui.dialogs import show_message
from editorial_desk.ui.error_messages import ErrorMessage
from editorial_desk.ui.review.labels import ROLE_ORDER, role_label, role_tip
from editorial_desk.ui.review.messages import show_review_error
from editorial_desk.ui.review.operations import ReviewOperations

translate = QCoreApplication.translate

MAX_LOGIN_LENGTH = 150  # as services.users checks


def can_manage_users(user: UserInfo) -> bool:
    """Whether to enable the menu item that opens this dialog."""
    return user.role is Role.ADMIN


def _role_combo(parent: QWidget, current: Role) -> QComboBox:
    combo = QComboBox(parent)
    for index, role in enumerate(ROLE_ORDER):
        combo.addItem(role_label(role), role.value)
        combo.setItemData(index, role_tip(role), Qt.ItemDataRole.ToolTipRole)
    combo.setCurrentIndex(ROLE_ORDER.index(current))
    return combo


class UsersDialog(QDialog):
    usersChanged = Signal()
    currentUserChanged = Signal(object)  # UserInfo: the admin changed their own role

    NAME, LOGIN, ROLE = range(3)

    def __init__(self, ops: ReviewOperations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("usersDialog")
        self.setWindowTitle(translate("UsersDialog", "Users and Roles"))
        self._ops = ops
        self._users: list[UserInfo] = []

        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("usersTable")
        self.table.setHorizontalHeaderLabels(
            [
                translate("UsersDialog", "Name"),
                translate("UsersDialog", "Login"),
                translate("UsersDialog", "Role"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(self.NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(self.LOGIN, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.ROLE, QHeaderView.ResizeMode.ResizeToContents)

        self.login_edit = QLineEdit(self)
        self.login_edit.setObjectName("newLogin")
        self.login_edit.setPlaceholderText(
            translate("UsersDialog", "the name used to sign in to the computer, e.g. ivanova")
        )
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("newName")
        self.name_edit.setPlaceholderText(translate("UsersDialog", "e.g. Ivanova Olga Petrovna"))
        self.role_combo = _role_combo(self, Role.EDITOR)
        self.role_combo.setObjectName("newRole")
        self.add_button = QPushButton(translate("UsersDialog", "&Add User"), self)
        self.add_button.setObjectName("addUserButton")
        add_box = QGroupBox(translate("UsersDialog", "New user"), self)
        form = QFormLayout(add_box)
        form.addRow(translate("UsersDialog", "&Login:"), self.login_edit)
        form.addRow(translate("UsersDialog", "&Name:"), self.name_edit)
        role_row = QHBoxLayout()
        role_row.addWidget(self.role_combo, 1)
        role_row.addWidget(self.add_button)
        role_label_widget = QLabel(translate("UsersDialog", "&Role:"), add_box)
        role_label_widget.setBuddy(self.role_combo)
        form.addRow(role_label_widget, role_row)

        note = QLabel(
            translate(
                "UsersDialog",
                "A new role applies the next time that person starts Editorial Desk.",
            ),
            self,
        )
        note.setWordWrap(True)
        note.setEnabled(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(note)
        layout.addWidget(add_box)
        layout.addWidget(buttons)

        self.login_edit.textChanged.connect(self._update_add)
        self.add_button.clicked.connect(self.add_user)
        self.login_edit.returnPressed.connect(self.add_user)
        self.name_edit.returnPressed.connect(self.add_user)
        self.resize(560, 480)
        self.reload()
        self._update_add()

    # --- the list ---------------------------------------------------------------

    def users(self) -> list[UserInfo]:
        return list(self._users)

    def reload(self) -> None:
        try:
            self._users = self._ops.list_users()
        except EditorialError as error:
            show_review_error(self, error)
            self._users = []
        self._fill()

    def _fill(self) -> None:
        self.table.setRowCount(len(self._users))
        for row, user in enumerate(self._users):
            name = QTableWidgetItem(user.display_name)
            login = QTableWidgetItem(user.login)
            if user.login == self._ops.user.login:
                name.setToolTip(translate("UsersDialog", "This is you"))
                font = name.font()
                font.setBold(True)
                name.setFont(font)
            self.table.setItem(row, self.NAME, name)
            self.table.setItem(row, self.LOGIN, login)
            combo = _role_combo(self.table, user.role)
            combo.setObjectName(f"role-{user.login}")
            combo.currentIndexChanged.connect(
                lambda _index, who=user.login, box=combo: self._on_role_chosen(who, box)
            )
            self.table.setCellWidget(row, self.ROLE, combo)

    def role_combo_of(self, login: str) -> QComboBox:
        combo = self.table.findChild(QComboBox, f"role-{login}")
        assert combo is not None, login
        return combo

    # --- changing a role --------------------------------------------------------

    def _on_role_chosen(self, login: str, combo: QComboBox) -> None:
        role = Role(combo.currentData())
        if not self.change_role(login, role):
            user = next(u for u in self._users if u.login == login)
            combo.blockSignals(True)
            combo.setCurrentIndex(ROLE_ORDER.index(user.role))
            combo.blockSignals(False)

    def change_role(self, login: str, role: Role) -> bool:
        user = next((u for u in self._users if u.login == login), None)
        if user is None or user.role is role:
            return user is not None
        admins = [u for u in self._users if u.role is Role.ADMIN]
        if user.role is Role.ADMIN and len(admins) <= 1:
            self._refuse(
                translate(
                    "UsersDialog",
                    "{name} is the only administrator. Make someone else an administrator "
                    "first: somebody must always be able to manage users.",
                ).format(name=user.display_name)
            )
            return False
        try:
            changed = self._ops.set_role(login, role)
        except EditorialError as error:
            show_review_error(self, error)
            return False
        self._users = [changed if u.login == login else u for u in self._users]
        self.usersChanged.emit()
        if login == self._ops.user.login:
            self.currentUserChanged.emit(changed)
        return True

    # --- adding -----------------------------------------------------------------

    def _update_add(self) -> None:
        self.add_button.setEnabled(bool(self.login_edit.text().strip()))

    def add_user(self) -> UserInfo | None:
        login = self.login_edit.text().strip()
        name = " ".join(self.name_edit.text().split())
        role = Role(self.role_combo.currentData())
        if not login:
            return None
        problem = self._login_problem(login)
        if problem:
            self._refuse(problem)
            self.login_edit.setFocus()
            return None
        try:
            added = self._ops.add_user(login, name, role)
        except EditorialError as error:
            show_review_error(self, error)
            return None
        self.login_edit.clear()
        self.name_edit.clear()
        self.role_combo.setCurrentIndex(ROLE_ORDER.index(Role.EDITOR))
        self.reload()
        self.usersChanged.emit()
        return added

    def _login_problem(self, login: str) -> str:
        if any(char.isspace() for char in login) or len(login) > MAX_LOGIN_LENGTH:
            return translate(
                "UsersDialog",
                "The login is one word without spaces: the name the colleague uses to sign "
                "in to the computer.",
            )
        if any(u.login == login for u in self._users):
            exists = translate("UsersDialog", "A user with the login “{login}” already exists.")
            return exists.format(login=login)
        return ""

    def _refuse(self, text: str) -> None:
        show_message(self, ErrorMessage(translate("UsersDialog", "Users and Roles"), text))
