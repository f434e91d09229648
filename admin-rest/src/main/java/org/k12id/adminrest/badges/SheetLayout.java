package org.k12id.adminrest.badges; public enum SheetLayout { LABELS, CARDS }
