package org.k12id.adminrest.badges; public enum Paper { LETTER, A4 }
