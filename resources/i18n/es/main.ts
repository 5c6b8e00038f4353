<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>AssignDialog</name>
    <message>
        <source>Assign a micro-credential</source>
        <translation>Asignar una microcredencial</translation>
    </message>
    <message>
        <source>This submission came without a micro-credential. Choose the one it is for. Once someone reviews it, this can no longer be changed.</source>
        <translation>Esta entrega llegó sin microcredencial. Elija aquella a la que corresponde. Cuando alguien la revise, esto ya no se podrá cambiar.</translation>
    </message>
    <message>
        <source>Submission {submission} came without a micro-credential. Choose the one it is for, and correct the earner&apos;s name if the file name had it wrong. Once someone reviews it, this can no longer be changed.</source>
        <translation>La entrega {submission} llegó sin microcredencial. Elija aquella a la que corresponde y corrija el nombre de el participante si el nombre del archivo lo tenía mal. Cuando alguien la revise, esto ya no se podrá cambiar.</translation>
    </message>
    <message>
        <source>Micro-credential</source>
        <translation>Microcredencial</translation>
    </message>
    <message>
        <source>The micro-credential this submission is for: its rubric is the one it is reviewed under</source>
        <translation>La microcredencial a la que corresponde esta entrega: se revisa con su rúbrica</translation>
    </message>
    <message>
        <source>{name} ({short})</source>
        <translation>{name} ({short})</translation>
    </message>
    <message>
        <source>Choose a micro-credential</source>
        <translation>Elija una microcredencial</translation>
    </message>
    <message>
        <source>&amp;Micro-credential:</source>
        <translation>&amp;Microcredencial:</translation>
    </message>
    <message>
        <source>Earner&apos;s name</source>
        <translation>Nombre de el participante</translation>
    </message>
    <message>
        <source>The name the credential is issued to, as it should be</source>
        <translation>El nombre a quien se emite la credencial, tal como debe figurar</translation>
    </message>
    <message>
        <source>&amp;Earner&apos;s name:</source>
        <translation>Nombre del &amp;participante:</translation>
    </message>
    <message>
        <source>Why the assignment was refused</source>
        <translation>Por qué se rechazó la asignación</translation>
    </message>
    <message>
        <source>There are no micro-credential definitions here yet; add the one this submission is for first.</source>
        <translation>Aquí aún no hay definiciones de microcredenciales; añada primero la que corresponde a esta entrega.</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>Asignar</translation>
    </message>
    <message>
        <source>Assign the micro-credential</source>
        <translation>Asignar la microcredencial</translation>
    </message>
    <message>
        <source>Saves the micro-credential and the earner&apos;s name; the submission opens with its rubric</source>
        <translation>Guarda la microcredencial y el nombre del participante; la entrega se abre con su rúbrica</translation>
    </message>
    <message>
        <source>Close without assigning</source>
        <translation>Cerrar sin asignar</translation>
    </message>
    <message>
        <source>Leaves the submission as it is</source>
        <translation>Deja la entrega como está</translation>
    </message>
    <message>
        <source>Choose the micro-credential this submission is for.</source>
        <translation>Elija la microcredencial a la que corresponde esta entrega.</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>{app} met an unexpected problem: {problem}

Your work so far is saved. You can copy the details below and send them to whoever supports you.

The program&apos;s log, with these details too: {log}</source>
        <translation>{app} encontró un problema inesperado: {problem}

Su trabajo hasta ahora está guardado. Puede copiar los detalles de abajo y enviarlos a quien le dé soporte.

El registro del programa, también con estos detalles: {log}</translation>
    </message>
    <message>
        <source>{app} met an unexpected problem: {problem}

Your work so far is saved. You can copy the details below and send them to whoever supports you.</source>
        <translation>{app} encontró un problema inesperado: {problem}

Su trabajo hasta ahora está guardado. Puede copiar los detalles de abajo y enviarlos a quien le dé soporte.</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>Algo salió mal</translation>
    </message>
    <message>
        <source>Open the log folder</source>
        <translation>Abrir la carpeta del registro</translation>
    </message>
</context>
<context>
    <name>DailyBackup</name>
    <message>
        <source>Today&apos;s backup is made.</source>
        <translation>La copia de seguridad de hoy está hecha.</translation>
    </message>
    <message>
        <source>Today&apos;s backup could not be made: {problem}</source>
        <translation>No se pudo hacer la copia de seguridad de hoy: {problem}</translation>
    </message>
</context>
<context>
    <name>EarlierAttempts</name>
    <message>
        <source>Pass</source>
        <translation>Superado</translation>
    </message>
    <message>
        <source>Not Yet</source>
        <translation>Aún no</translation>
    </message>
    <message>
        <source>no decision</source>
        <translation>sin decisión</translation>
    </message>
    <message>
        <source>Attempt {number} ({submission}), {date}: {decision}</source>
        <translation>Intento {number} ({submission}), {date}: {decision}</translation>
    </message>
    <message>
        <source>Attempt {number} ({submission}): {decision}</source>
        <translation>Intento {number} ({submission}): {decision}</translation>
    </message>
    <message>
        <source>Overall feedback:</source>
        <translation>Retroalimentación general:</translation>
    </message>
    <message>
        <source>Earlier scores are hidden in this data folder, to avoid anchoring; their feedback is shown.</source>
        <translation>Las puntuaciones anteriores están ocultas en esta carpeta de datos, para evitar el efecto de anclaje; se muestra su retroalimentación.</translation>
    </message>
    <message>
        <source>This is the earner&apos;s first attempt.</source>
        <translation>Este es el primer intento del participante.</translation>
    </message>
</context>
<context>
    <name>EarlierAttemptsDialog</name>
    <message>
        <source>Earlier attempts</source>
        <translation>Intentos anteriores</translation>
    </message>
    <message>
        <source>Earlier attempts and their feedback</source>
        <translation>Intentos anteriores y su retroalimentación</translation>
    </message>
    <message>
        <source>Each earlier attempt, oldest first, with its decision and feedback; read-only</source>
        <translation>Cada intento anterior, del más antiguo al más reciente, con su decisión y su retroalimentación; solo lectura</translation>
    </message>
    <message>
        <source>Close the earlier attempts</source>
        <translation>Cerrar los intentos anteriores</translation>
    </message>
    <message>
        <source>Closes this window (Esc); Ctrl+Shift+E opens it again</source>
        <translation>Cierra esta ventana (Esc); Ctrl+Mayús+E la vuelve a abrir</translation>
    </message>
</context>
<context>
    <name>GradesExportDialog</name>
    <message>
        <source>Export grades for the platform</source>
        <translation>Exportar las calificaciones a la plataforma</translation>
    </message>
    <message>
        <source>Fills the grade worksheet downloaded from Moodle or Canvas with the decisions made here, and writes a copy to upload back.</source>
        <translation>Rellena la hoja de calificaciones descargada de Moodle o Canvas con las decisiones tomadas aquí y escribe una copia para volver a subirla.</translation>
    </message>
    <message>
        <source>Moodle: offline grading worksheet</source>
        <translation>Moodle: hoja de calificaciones sin conexión</translation>
    </message>
    <message>
        <source>Canvas: gradebook export</source>
        <translation>Canvas: exportación del libro de calificaciones</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Plataforma</translation>
    </message>
    <message>
        <source>Where the worksheet was downloaded from</source>
        <translation>De dónde se descargó la hoja de calificaciones</translation>
    </message>
    <message>
        <source>Downloaded worksheet</source>
        <translation>Hoja de calificaciones descargada</translation>
    </message>
    <message>
        <source>The CSV file as the platform gave it; it is read, never changed</source>
        <translation>El archivo CSV tal como lo dio la plataforma; se lee, nunca se cambia</translation>
    </message>
    <message>
        <source>Choose the downloaded worksheet</source>
        <translation>Elegir la hoja de calificaciones descargada</translation>
    </message>
    <message>
        <source>Assignment column</source>
        <translation>Columna de la tarea</translation>
    </message>
    <message>
        <source>Canvas: the assignment&apos;s column, &apos;TITLE (ID)&apos;</source>
        <translation>Canvas: la columna de la tarea, &apos;TÍTULO (ID)&apos;</translation>
    </message>
    <message>
        <source>Grade for Pass</source>
        <translation>Calificación para Superado</translation>
    </message>
    <message>
        <source>the worksheet&apos;s maximum grade</source>
        <translation>la calificación máxima de la hoja</translation>
    </message>
    <message>
        <source>A scale word or points; empty: the maximum grade</source>
        <translation>Una palabra de la escala o puntos; vacío: la calificación máxima</translation>
    </message>
    <message>
        <source>Grade for Not Yet</source>
        <translation>Calificación para Aún no</translation>
    </message>
    <message>
        <source>0</source>
        <translation>0</translation>
    </message>
    <message>
        <source>A scale word or points; empty: 0</source>
        <translation>Una palabra de la escala o puntos; vacío: 0</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Columnas</translation>
    </message>
    <message>
        <source>found from the worksheet</source>
        <translation>halladas en la hoja</translation>
    </message>
    <message>
        <source>Moodle, only when its columns are not found: grade=COLUMN, feedback=COLUMN (a name or a number; feedback=none for grades only)</source>
        <translation>Moodle, solo si no se hallan sus columnas: grade=COLUMNA, feedback=COLUMNA (un nombre o un número; feedback=none para solo calificaciones)</translation>
    </message>
    <message>
        <source>Filled copy</source>
        <translation>Copia rellenada</translation>
    </message>
    <message>
        <source>Where the filled copy is written, to upload back</source>
        <translation>Dónde se escribe la copia rellenada, para volver a subirla</translation>
    </message>
    <message>
        <source>Choose where to write the filled copy</source>
        <translation>Elegir dónde escribir la copia rellenada</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <source>Cells that change</source>
        <translation>Celdas que cambian</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Fila</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>Estudiante</translation>
    </message>
    <message>
        <source>Submission</source>
        <translation>Entrega</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Decisión</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Columna</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Ahora</translation>
    </message>
    <message>
        <source>Becomes</source>
        <translation>Pasa a ser</translation>
    </message>
    <message>
        <source>Every cell the filled copy changes, before and after</source>
        <translation>Cada celda que cambia la copia rellenada, antes y después</translation>
    </message>
    <message>
        <source>Left as they were</source>
        <translation>Dejadas como estaban</translation>
    </message>
    <message>
        <source>Student or submission</source>
        <translation>Estudiante o entrega</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Rows not filled and submissions with no row, each with the reason</source>
        <translation>Filas sin rellenar y entregas sin fila, cada una con su motivo</translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation>&amp;Vista previa</translation>
    </message>
    <message>
        <source>Preview the changes</source>
        <translation>Ver los cambios antes de escribir</translation>
    </message>
    <message>
        <source>Lists the cells that would change; writes nothing</source>
        <translation>Enumera las celdas que cambiarían; no escribe nada</translation>
    </message>
    <message>
        <source>W&amp;rite the filled copy</source>
        <translation>&amp;Escribir la copia rellenada</translation>
    </message>
    <message>
        <source>Write the filled copy</source>
        <translation>Escribir la copia rellenada</translation>
    </message>
    <message>
        <source>Writes the copy previewed to the filled copy&apos;s file</source>
        <translation>Escribe la copia revisada en el archivo de la copia rellenada</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Closes this window</source>
        <translation>Cierra esta ventana</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <source>Opens a file picker; you can also type or paste the path</source>
        <translation>Abre un selector de archivos; también puede escribir o pegar la ruta</translation>
    </message>
    <message>
        <source>P&amp;latform:</source>
        <translation>P&amp;lataforma:</translation>
    </message>
    <message>
        <source>&amp;Worksheet:</source>
        <translation>&amp;Hoja de calificaciones:</translation>
    </message>
    <message>
        <source>&amp;Assignment:</source>
        <translation>T&amp;area:</translation>
    </message>
    <message>
        <source>Grade for Pa&amp;ss:</source>
        <translation>Calificación para &amp;Superado:</translation>
    </message>
    <message>
        <source>Grade for &amp;Not Yet:</source>
        <translation>Calificación para Aún &amp;no:</translation>
    </message>
    <message>
        <source>&amp;Columns:</source>
        <translation>&amp;Columnas:</translation>
    </message>
    <message>
        <source>&amp;Filled copy:</source>
        <translation>Copia &amp;rellenada:</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>Archivos CSV (*.csv);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>The fields changed: preview again.</source>
        <translation>Los campos han cambiado: vuelva a ver la vista previa.</translation>
    </message>
    <message>
        <source>Choose the worksheet downloaded from the platform.</source>
        <translation>Elija la hoja de calificaciones descargada de la plataforma.</translation>
    </message>
    <message>
        <source>Choose the assignment&apos;s column.</source>
        <translation>Elija la columna de la tarea.</translation>
    </message>
    <message>
        <source>Reading the worksheet and the decisions…</source>
        <translation>Leyendo la hoja de calificaciones y las decisiones…</translation>
    </message>
    <message>
        <source>Pass</source>
        <translation>Superado</translation>
    </message>
    <message>
        <source>Not Yet</source>
        <translation>Aún no</translation>
    </message>
    <message>
        <source>no decision yet</source>
        <translation>aún sin decisión</translation>
    </message>
    <message>
        <source>already holds the decision</source>
        <translation>ya tiene la decisión</translation>
    </message>
    <message>
        <source>no submission here for this student</source>
        <translation>no hay aquí ninguna entrega de este estudiante</translation>
    </message>
    <message>
        <source>{changed} rows filled ({cells} cells); {left} rows or submissions left as they were. Worksheet: {encoding}, &apos;{delimiter}&apos; between cells, {endings} line endings, &apos;{mark}&apos; decimal mark.</source>
        <translation>{changed} filas rellenadas ({cells} celdas); {left} filas o entregas dejadas como estaban. Hoja: {encoding}, &apos;{delimiter}&apos; entre celdas, finales de línea {endings}, separador decimal &apos;{mark}&apos;.</translation>
    </message>
    <message>
        <source>No cell would change: nothing to write.</source>
        <translation>Ninguna celda cambiaría: no hay nada que escribir.</translation>
    </message>
    <message>
        <source>Choose where to write the filled copy.</source>
        <translation>Elija dónde escribir la copia rellenada.</translation>
    </message>
    <message>
        <source>Wrote {path}: upload it to the platform&apos;s grading import.</source>
        <translation>Se escribió {path}: súbalo a la importación de calificaciones de la plataforma.</translation>
    </message>
</context>
<context>
    <name>HelpSheet</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>Evidence: PDF</source>
        <translation>Evidencias: PDF</translation>
    </message>
    <message>
        <source>Evidence: images</source>
        <translation>Evidencias: imágenes</translation>
    </message>
    <message>
        <source>Evidence: text</source>
        <translation>Evidencias: texto</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Evidencias</translation>
    </message>
    <message>
        <source>Rubric</source>
        <translation>Rúbrica</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Ventana</translation>
    </message>
    <message>
        <source>One command a row, under a heading for the part of the window it acts on: what it does, then its keys; the arrow keys move</source>
        <translation>Un comando por fila, bajo un encabezado con la parte de la ventana sobre la que actúa: lo que hace y, después, sus teclas; las flechas permiten desplazarse</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Atajo</translation>
    </message>
    <message>
        <source>Close the keyboard shortcuts</source>
        <translation>Cerrar los atajos de teclado</translation>
    </message>
    <message>
        <source>Closes this list (Esc); F1 opens it again</source>
        <translation>Cierra esta lista (Esc); F1 la vuelve a abrir</translation>
    </message>
</context>
<context>
    <name>ImportSummary</name>
    <message>
        <source>{imported} imported, {skipped} already imported, {rejected} rejected (import cancelled)</source>
        <translation>{imported} importados, {skipped} ya importados, {rejected} rechazados (importación cancelada)</translation>
    </message>
    <message>
        <source>{imported} imported, {skipped} already imported, {rejected} rejected</source>
        <translation>{imported} importados, {skipped} ya importados, {rejected} rechazados</translation>
    </message>
    <message>
        <source>Imported:</source>
        <translation>Importados:</translation>
    </message>
    <message>
        <source>{submission}: {count} items</source>
        <translation>{submission}: {count} elementos</translation>
    </message>
    <message>
        <source>warning: {problem}</source>
        <translation>aviso: {problem}</translation>
    </message>
    <message>
        <source>Already imported:</source>
        <translation>Ya importados:</translation>
    </message>
    <message>
        <source>Rejected:</source>
        <translation>Rechazados:</translation>
    </message>
    <message>
        <source>Skipped, not bundles:</source>
        <translation>Omitidos, no son paquetes:</translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>Importación terminada</translation>
    </message>
    <message>
        <source>Import result</source>
        <translation>Resultado de la importación</translation>
    </message>
    <message>
        <source>Import details</source>
        <translation>Detalles de la importación</translation>
    </message>
    <message>
        <source>What was imported, already there or rejected, each rejection with its reason</source>
        <translation>Lo que se importó, lo que ya estaba y lo rechazado, cada rechazo con su motivo</translation>
    </message>
    <message>
        <source>Copy rejected</source>
        <translation>Copiar los rechazados</translation>
    </message>
    <message>
        <source>Copy the list of rejected bundles</source>
        <translation>Copiar la lista de paquetes rechazados</translation>
    </message>
    <message>
        <source>Copies each rejected bundle&apos;s reason as text, to send to whoever sent it</source>
        <translation>Copia como texto el motivo de cada paquete rechazado, para enviarlo a quien lo mandó</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Closes this summary (Esc)</source>
        <translation>Cierra este resumen (Esc)</translation>
    </message>
</context>
<context>
    <name>Loading</name>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Opening the data folder…</source>
        <translation>Abriendo la carpeta de datos…</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Cola</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Evidencias</translation>
    </message>
    <message>
        <source>Rubric</source>
        <translation>Rúbrica</translation>
    </message>
    <message>
        <source>&amp;Import bundles…</source>
        <translation>&amp;Importar paquetes…</translation>
    </message>
    <message>
        <source>Import a &amp;folder…</source>
        <translation>Importar una &amp;carpeta…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>C&amp;onfiguración…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Restore from backup…</source>
        <translation>&amp;Restaurar desde una copia de seguridad…</translation>
    </message>
    <message>
        <source>Export &amp;grades for the platform…</source>
        <translation>&amp;Exportar las calificaciones a la plataforma…</translation>
    </message>
    <message>
        <source>&amp;Next submission</source>
        <translation>Entrega &amp;siguiente</translation>
    </message>
    <message>
        <source>&amp;Previous submission</source>
        <translation>Entrega &amp;anterior</translation>
    </message>
    <message>
        <source>Next &amp;unreviewed submission</source>
        <translation>Siguiente entrega sin &amp;revisar</translation>
    </message>
    <message>
        <source>&amp;Find in queue</source>
        <translation>&amp;Buscar en la cola</translation>
    </message>
    <message>
        <source>Hide or show the &amp;queue</source>
        <translation>Ocultar o mostrar la &amp;cola</translation>
    </message>
    <message>
        <source>&amp;Focus mode: evidence and rubric only</source>
        <translation>Modo &amp;concentración: solo evidencias y rúbrica</translation>
    </message>
    <message>
        <source>&amp;Reset layout</source>
        <translation>&amp;Restablecer la disposición</translation>
    </message>
    <message>
        <source>Next pane (queue, evidence, rubric)</source>
        <translation>Panel siguiente (cola, evidencias, rúbrica)</translation>
    </message>
    <message>
        <source>Previous pane</source>
        <translation>Panel anterior</translation>
    </message>
    <message>
        <source>&amp;Detach rubric</source>
        <translation>&amp;Separar la rúbrica</translation>
    </message>
    <message>
        <source>&amp;Earlier attempts of this earner</source>
        <translation>&amp;Intentos anteriores de este participante</translation>
    </message>
    <message>
        <source>&amp;Reveal the earner…</source>
        <translation>&amp;Mostrar la identidad del participante…</translation>
    </message>
    <message>
        <source>Assign a &amp;micro-credential…</source>
        <translation>Asignar una &amp;microcredencial…</translation>
    </message>
    <message>
        <source>Anno&amp;tate the evidence</source>
        <translation>A&amp;notar la evidencia</translation>
    </message>
    <message>
        <source>Marks a place on the evidence shown, from the keyboard: the selected text or the visible area; arrows move it, Enter confirms (A)</source>
        <translation>Marca un lugar de la evidencia mostrada desde el teclado: el texto seleccionado o la zona visible; las flechas lo mueven, Intro lo confirma (A)</translation>
    </message>
    <message>
        <source>&amp;Adjudicate…</source>
        <translation>Arbi&amp;trar…</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Atajos de teclado</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>&amp;Revisión</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Principal</translation>
    </message>
    <message>
        <source>&amp;Issuers and keys…</source>
        <translation>&amp;Emisores y claves…</translation>
    </message>
    <message>
        <source>&amp;Export credentials…</source>
        <translation>E&amp;xportar credenciales…</translation>
    </message>
    <message>
        <source>&amp;Verify credentials…</source>
        <translation>&amp;Verificar credenciales…</translation>
    </message>
    <message>
        <source>&amp;Revoke a credential…</source>
        <translation>&amp;Revocar una credencial…</translation>
    </message>
    <message>
        <source>&amp;Credentials</source>
        <translation>&amp;Credenciales</translation>
    </message>
    <message>
        <source>&amp;Calibration dashboard…</source>
        <translation>Panel de &amp;calibración…</translation>
    </message>
    <message>
        <source>&amp;Team</source>
        <translation>&amp;Equipo</translation>
    </message>
    <message>
        <source>Import progress</source>
        <translation>Progreso de la importación</translation>
    </message>
    <message>
        <source>Import progress in words</source>
        <translation>Progreso de la importación en palabras</translation>
    </message>
    <message>
        <source>Cancel import</source>
        <translation>Cancelar importación</translation>
    </message>
    <message>
        <source>Cancel the import</source>
        <translation>Cancelar la importación</translation>
    </message>
    <message>
        <source>Stops the import; the bundles already imported whole are kept</source>
        <translation>Detiene la importación; se conservan los paquetes ya importados por completo</translation>
    </message>
    <message>
        <source>Say who is reviewing before scoring (the status bar&apos;s button).</source>
        <translation>Diga quién evalúa antes de puntuar (el botón de la barra de estado).</translation>
    </message>
    <message>
        <source>Open a submission to annotate its evidence.</source>
        <translation>Abra una entrega para anotar su evidencia.</translation>
    </message>
    <message>
        <source>This review is submitted: reopen it to annotate.</source>
        <translation>Esta revisión está enviada: reábrala para anotar.</translation>
    </message>
    <message>
        <source>Reveal the earner</source>
        <translation>Mostrar la identidad del participante</translation>
    </message>
    <message>
        <source>Blind review hides who the earner is. Revealing it is recorded in the audit trail. Why do you need the earner&apos;s name?</source>
        <translation>La revisión anónima oculta quién es el participante. Mostrar su identidad queda anotado en el registro de auditoría. ¿Por qué necesita el nombre del participante?</translation>
    </message>
    <message>
        <source>The earner</source>
        <translation>El participante</translation>
    </message>
    <message>
        <source>No unreviewed submission further down the queue.</source>
        <translation>No hay ninguna entrega sin revisar más abajo en la cola.</translation>
    </message>
    <message>
        <source>Import evidence bundles</source>
        <translation>Importar paquetes de evidencias</translation>
    </message>
    <message>
        <source>Evidence bundles, Moodle and Canvas downloads (*.zip);;All files (*)</source>
        <translation>Paquetes de evidencias, descargas de Moodle y Canvas (*.zip);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Import a folder of bundles</source>
        <translation>Importar una carpeta de paquetes</translation>
    </message>
    <message>
        <source>An import is already running.</source>
        <translation>Ya hay una importación en curso.</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Importando…</translation>
    </message>
    <message>
        <source>{items} items, {done} of {total} MB</source>
        <translation>{items} elementos, {done} de {total} MB</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>La importación falló</translation>
    </message>
    <message>
        <source>Practice: the reference scores</source>
        <translation>Práctica: las puntuaciones de referencia</translation>
    </message>
    <message>
        <source>{submission} is a practice anchor. Here is how your review compares with the reference.</source>
        <translation>{submission} es un portafolio de referencia de práctica. Así se compara su revisión con la referencia.</translation>
    </message>
    <message>
        <source>Practice feedback</source>
        <translation>Retroalimentación de la práctica</translation>
    </message>
    <message>
        <source>Wait for the import to finish first.</source>
        <translation>Espere primero a que termine la importación.</translation>
    </message>
    <message>
        <source>Restored the backup {name}. Open Portfolio Reviewer again.</source>
        <translation>Se restauró la copia de seguridad {name}. Vuelva a abrir Portfolio Reviewer.</translation>
    </message>
    <message>
        <source>{subject} - {app} (blind review)</source>
        <translation>{subject} - {app} (revisión anónima)</translation>
    </message>
    <message>
        <source>{subject} - {app}</source>
        <translation>{subject} - {app}</translation>
    </message>
    <message>
        <source>{app} (blind review)</source>
        <translation>{app} (revisión anónima)</translation>
    </message>
    <message>
        <source>&amp;Connect to team database…</source>
        <translation>&amp;Conectar a la base de datos del equipo…</translation>
    </message>
    <message>
        <source>Use &amp;local data folder</source>
        <translation>Usar la carpeta de datos &amp;local</translation>
    </message>
    <message>
        <source>Team database</source>
        <translation>Base de datos del equipo</translation>
    </message>
    <message>
        <source>Connecting to {team}…</source>
        <translation>Conectando con {team}…</translation>
    </message>
    <message>
        <source>Connected to the team database {url}</source>
        <translation>Conectado a la base de datos del equipo {url}</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <source>Something went wrong: {problem}</source>
        <translation>Algo salió mal: {problem}</translation>
    </message>
</context>
<context>
    <name>PlatformImportDialog</name>
    <message>
        <source>Import a platform&apos;s submissions</source>
        <translation>Importar las entregas de una plataforma</translation>
    </message>
    <message>
        <source>{file} is a {platform} submissions download: {count} students.</source>
        <translation>{file} es una descarga de entregas de {platform}: {count} estudiantes.</translation>
    </message>
    <message>
        <source>{file} is a submissions download with {count} students, but its file names fit both Moodle and Canvas: choose the platform it came from.</source>
        <translation>{file} es una descarga de entregas con {count} estudiantes, pero los nombres de sus archivos encajan tanto con Moodle como con Canvas: elija la plataforma de la que procede.</translation>
    </message>
    <message>
        <source>What the download holds</source>
        <translation>Qué contiene la descarga</translation>
    </message>
    <message>
        <source>{count} of them come with no name (blind marking or anonymous grading): each is listed by the platform&apos;s id, and has no name here.</source>
        <translation>{count} de ellos vienen sin nombre (calificación anónima): cada uno aparece con el identificador de la plataforma y aquí no tiene nombre.</translation>
    </message>
    <message>
        <source>Students with no name</source>
        <translation>Estudiantes sin nombre</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Plataforma</translation>
    </message>
    <message>
        <source>The learning platform the download came from</source>
        <translation>La plataforma de aprendizaje de la que procede la descarga</translation>
    </message>
    <message>
        <source>Choose the platform</source>
        <translation>Elija la plataforma</translation>
    </message>
    <message>
        <source>&amp;Platform:</source>
        <translation>&amp;Plataforma:</translation>
    </message>
    <message>
        <source>Micro-credential</source>
        <translation>Microcredencial</translation>
    </message>
    <message>
        <source>The micro-credential every submission in the download is for</source>
        <translation>La microcredencial a la que corresponden todas las entregas de la descarga</translation>
    </message>
    <message>
        <source>{name} ({short})</source>
        <translation>{name} ({short})</translation>
    </message>
    <message>
        <source>Choose a micro-credential</source>
        <translation>Elija una microcredencial</translation>
    </message>
    <message>
        <source>&amp;Micro-credential:</source>
        <translation>&amp;Microcredencial:</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>Parte</translation>
    </message>
    <message>
        <source>The rubric part the evidence answers, or none to leave it unsorted</source>
        <translation>La parte de la rúbrica a la que responde la evidencia, o ninguna para dejarla sin clasificar</translation>
    </message>
    <message>
        <source>P&amp;art:</source>
        <translation>P&amp;arte:</translation>
    </message>
    <message>
        <source>What is missing</source>
        <translation>Qué falta</translation>
    </message>
    <message>
        <source>There are no micro-credential definitions here yet; add the one this download is for first.</source>
        <translation>Aún no hay definiciones de microcredenciales; añada primero la que corresponde a esta descarga.</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importar</translation>
    </message>
    <message>
        <source>Import the download</source>
        <translation>Importar la descarga</translation>
    </message>
    <message>
        <source>Imports one submission per student for the chosen micro-credential</source>
        <translation>Importa una entrega por estudiante para la microcredencial elegida</translation>
    </message>
    <message>
        <source>Import as a &amp;bundle</source>
        <translation>Importar como pa&amp;quete</translation>
    </message>
    <message>
        <source>Import as an evidence bundle instead</source>
        <translation>Importar como paquete de evidencias</translation>
    </message>
    <message>
        <source>The zip is not a platform&apos;s download: import it as one loose bundle</source>
        <translation>El zip no es una descarga de una plataforma: importarlo como un paquete suelto</translation>
    </message>
    <message>
        <source>Close without importing</source>
        <translation>Cerrar sin importar</translation>
    </message>
    <message>
        <source>Imports nothing</source>
        <translation>No importa nada</translation>
    </message>
    <message>
        <source>(no part)</source>
        <translation>(sin parte)</translation>
    </message>
    <message>
        <source>Choose the platform the download came from.</source>
        <translation>Elija la plataforma de la que procede la descarga.</translation>
    </message>
    <message>
        <source>Choose the micro-credential the download is for.</source>
        <translation>Elija la microcredencial a la que corresponde la descarga.</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <source>Submission</source>
        <translation>Entrega</translation>
    </message>
    <message>
        <source>Earner</source>
        <translation>Participante</translation>
    </message>
    <message>
        <source>Micro-credential</source>
        <translation>Microcredencial</translation>
    </message>
    <message>
        <source>Attempt</source>
        <translation>Intento</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Fecha de entrega</translation>
    </message>
    <message>
        <source>Not reviewed</source>
        <translation>Sin revisar</translation>
    </message>
    <message>
        <source>In review</source>
        <translation>En revisión</translation>
    </message>
    <message>
        <source>Needs adjudication</source>
        <translation>Requiere arbitraje</translation>
    </message>
    <message>
        <source>Pass</source>
        <translation>Superado</translation>
    </message>
    <message>
        <source>Not Yet</source>
        <translation>Aún no</translation>
    </message>
    <message>
        <source>(no name: blind marking)</source>
        <translation>(sin nombre: calificación anónima)</translation>
    </message>
    <message>
        <source>(no micro-credential yet)</source>
        <translation>(aún sin microcredencial)</translation>
    </message>
    <message>
        <source>{when} (late)</source>
        <translation>{when} (con retraso)</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>Con retraso</translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <source>Queue</source>
        <translation>Cola</translation>
    </message>
    <message>
        <source>Search evidence, ids, names</source>
        <translation>Buscar en evidencias, identificadores, nombres</translation>
    </message>
    <message>
        <source>Search the queue</source>
        <translation>Buscar en la cola</translation>
    </message>
    <message>
        <source>Show submissions with status</source>
        <translation>Mostrar las entregas con el estado</translation>
    </message>
    <message>
        <source>Lists only the submissions with this status</source>
        <translation>Muestra solo las entregas con este estado</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Todos los estados</translation>
    </message>
    <message>
        <source>Show submissions for micro-credential</source>
        <translation>Mostrar las entregas de la microcredencial</translation>
    </message>
    <message>
        <source>Lists only the submissions for this micro-credential</source>
        <translation>Muestra solo las entregas de esta microcredencial</translation>
    </message>
    <message>
        <source>Resubmissions only</source>
        <translation>Solo entregas presentadas de nuevo</translation>
    </message>
    <message>
        <source>Show resubmissions only</source>
        <translation>Mostrar solo las entregas presentadas de nuevo</translation>
    </message>
    <message>
        <source>Lists only second and later attempts, hiding first submissions</source>
        <translation>Muestra solo los segundos intentos y posteriores, y oculta las primeras entregas</translation>
    </message>
    <message>
        <source>Hide the queue</source>
        <translation>Ocultar la cola</translation>
    </message>
    <message>
        <source>Hide the queue to a narrow strip (F9)</source>
        <translation>Reduce la cola a una franja estrecha (F9)</translation>
    </message>
    <message>
        <source>Submission queue</source>
        <translation>Cola de entregas</translation>
    </message>
    <message>
        <source>One submission a row; Up and Down arrows move, and the chosen one opens in the evidence and rubric panels</source>
        <translation>Una entrega por fila; las flechas Arriba y Abajo desplazan, y la elegida se abre en los paneles de evidencias y de rúbrica</translation>
    </message>
    <message>
        <source>Submissions by status</source>
        <translation>Entregas por estado</translation>
    </message>
    <message>
        <source>Queue, hidden</source>
        <translation>Cola, oculta</translation>
    </message>
    <message>
        <source>Show the queue</source>
        <translation>Mostrar la cola</translation>
    </message>
    <message>
        <source>Show the queue again (F9)</source>
        <translation>Vuelve a mostrar la cola (F9)</translation>
    </message>
    <message>
        <source>Position in the queue</source>
        <translation>Posición en la cola</translation>
    </message>
    <message>
        <source>Submission {row} of {total} in the queue</source>
        <translation>Entrega {row} de {total} en la cola</translation>
    </message>
    <message>
        <source>All micro-credentials</source>
        <translation>Todas las microcredenciales</translation>
    </message>
    <message>
        <source>{status}: {count}</source>
        <translation>{status}: {count}</translation>
    </message>
    <message>
        <source>{shown} shown. {counts}</source>
        <translation>{shown} mostradas. {counts}</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>daily</source>
        <translation>diaria</translation>
    </message>
    <message>
        <source>before an upgrade</source>
        <translation>antes de una actualización</translation>
    </message>
    <message>
        <source>manual</source>
        <translation>manual</translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation>Restaurar desde una copia de seguridad</translation>
    </message>
    <message>
        <source>Restoring puts the data folder back as it was when the backup was made. The current database is kept beside it (reviewer.sqlite3.before-restore-…), and nothing is deleted. Portfolio Reviewer closes afterwards; open it again to go on.</source>
        <translation>Al restaurar, la carpeta de datos vuelve a quedar como estaba cuando se hizo la copia de seguridad. La base de datos actual se conserva al lado (reviewer.sqlite3.before-restore-…) y no se elimina nada. Después, Portfolio Reviewer se cierra; vuelva a abrirlo para continuar.</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Copias de seguridad</translation>
    </message>
    <message>
        <source>One backup a row, newest first, with its date, kind and size</source>
        <translation>Una copia de seguridad por fila, de la más reciente a la más antigua, con su fecha, tipo y tamaño</translation>
    </message>
    <message>
        <source>{date}  {kind}  ({size}, {files} evidence files)</source>
        <translation>{date}  {kind}  ({size}, {files} archivos de evidencias)</translation>
    </message>
    <message>
        <source>This data folder has no backups yet.</source>
        <translation>Esta carpeta de datos aún no tiene copias de seguridad.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restaurar</translation>
    </message>
    <message>
        <source>Restore the chosen backup</source>
        <translation>Restaurar la copia de seguridad elegida</translation>
    </message>
    <message>
        <source>Puts the data folder back as it was at that backup, then closes Portfolio Reviewer; nothing is deleted</source>
        <translation>Devuelve la carpeta de datos al estado de esa copia y después cierra Portfolio Reviewer; no se elimina nada</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Closes this window without restoring anything (Esc)</source>
        <translation>Cierra esta ventana sin restaurar nada (Esc)</translation>
    </message>
</context>
<context>
    <name>ReviewerButton</name>
    <message>
        <source>Reviewer</source>
        <translation>Evaluador</translation>
    </message>
    <message>
        <source>Switch to another reviewer</source>
        <translation>Cambiar a otro evaluador</translation>
    </message>
    <message>
        <source>Reviewing as {name}</source>
        <translation>Evaluando como {name}</translation>
    </message>
    <message>
        <source>Say who is reviewing…</source>
        <translation>Diga quién evalúa…</translation>
    </message>
</context>
<context>
    <name>ReviewerDialog</name>
    <message>
        <source>Who is reviewing?</source>
        <translation>¿Quién evalúa?</translation>
    </message>
    <message>
        <source>Your scores, comments and decisions are recorded under this name. Type your name as the earners and your team should read it.</source>
        <translation>Sus puntuaciones, comentarios y decisiones se registran con este nombre. Escriba su nombre tal como deben leerlo los candidatos y su equipo.</translation>
    </message>
    <message>
        <source>The reviews you score from now on are recorded under this name; the open submission reopens as this reviewer&apos;s review.</source>
        <translation>Las evaluaciones que puntúe a partir de ahora se registran con este nombre; la entrega abierta se vuelve a abrir como evaluación de esta persona.</translation>
    </message>
    <message>
        <source>Reviewer&apos;s name</source>
        <translation>Nombre del evaluador</translation>
    </message>
    <message>
        <source>Review as this person</source>
        <translation>Evaluar como esta persona</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>Reviewer name</source>
        <translation>Nombre del evaluador</translation>
    </message>
    <message>
        <source>Asked when Portfolio Reviewer starts</source>
        <translation>Se pregunta al iniciar Portfolio Reviewer</translation>
    </message>
    <message>
        <source>The name your reviews are recorded under, from the moment you save it</source>
        <translation>El nombre con el que se registran sus evaluaciones, desde el momento en que lo guarda</translation>
    </message>
    <message>
        <source>Applies when you press OK; the open submission is then reviewed under this name. (Also: Reviewing as… in the status bar.)</source>
        <translation>Se aplica al pulsar Aceptar; la entrega abierta se evalúa entonces con este nombre. (También: Evaluando como… en la barra de estado.)</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>Según el sistema</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Oscuro</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Apariencia</translation>
    </message>
    <message>
        <source>Light or dark colours for every window, from when you save</source>
        <translation>Colores claros u oscuros para todas las ventanas, en cuanto guarde</translation>
    </message>
    <message>
        <source>Same as the system ({language})</source>
        <translation>Según el sistema ({language})</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>The language of the windows, from the next time Portfolio Reviewer starts</source>
        <translation>El idioma de las ventanas, a partir del próximo inicio de Portfolio Reviewer</translation>
    </message>
    <message>
        <source>Ask before submitting a Not &amp;Yet</source>
        <translation>Preguntar antes de en&amp;viar un Aún no</translation>
    </message>
    <message>
        <source>Ask before submitting a Not Yet</source>
        <translation>Preguntar antes de enviar un Aún no</translation>
    </message>
    <message>
        <source>Ctrl+Enter on a review that would be Not Yet asks once before submitting it</source>
        <translation>Ctrl+Intro en una revisión que daría Aún no pregunta una vez antes de enviarla</translation>
    </message>
    <message>
        <source>The new language applies when Portfolio Reviewer is next started.</source>
        <translation>El nuevo idioma se aplica la próxima vez que se inicie Portfolio Reviewer.</translation>
    </message>
    <message>
        <source>Restart &amp;now</source>
        <translation>&amp;Reiniciar ahora</translation>
    </message>
    <message>
        <source>Save the settings and restart Portfolio Reviewer now</source>
        <translation>Guardar la configuración y reiniciar Portfolio Reviewer ahora</translation>
    </message>
    <message>
        <source>Closes Portfolio Reviewer, keeping what you were writing, and starts it again in the new language</source>
        <translation>Cierra Portfolio Reviewer, conservando lo que estaba escribiendo, y lo vuelve a iniciar en el nuevo idioma</translation>
    </message>
    <message>
        <source>Reviewer &amp;name:</source>
        <translation>&amp;Nombre del evaluador:</translation>
    </message>
    <message>
        <source>&amp;Appearance:</source>
        <translation>A&amp;pariencia:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <source>Reviewing:</source>
        <translation>Al revisar:</translation>
    </message>
    <message>
        <source>Save the settings</source>
        <translation>Guardar la configuración</translation>
    </message>
    <message>
        <source>Saves the settings and closes this window (Enter)</source>
        <translation>Guarda la configuración y cierra esta ventana (Intro)</translation>
    </message>
    <message>
        <source>Close without saving</source>
        <translation>Cerrar sin guardar</translation>
    </message>
    <message>
        <source>Closes this window; nothing changed here is kept (Esc)</source>
        <translation>Cierra esta ventana; no se conserva nada de lo cambiado aquí (Esc)</translation>
    </message>
    <message>
        <source>This value cannot be saved: {problem}

Nothing was changed.</source>
        <translation>Este valor no se puede guardar: {problem}

No se ha cambiado nada.</translation>
    </message>
    <message>
        <source>The settings file {path} could not be written ({reason}).

Nothing was changed.</source>
        <translation>No se pudo escribir el archivo de configuración {path} ({reason}).

No se ha cambiado nada.</translation>
    </message>
    <message>
        <source>A value contains characters that the settings file cannot hold.

Nothing was changed.</source>
        <translation>Un valor contiene caracteres que el archivo de configuración no puede guardar.

No se ha cambiado nada.</translation>
    </message>
    <message>
        <source>Settings not saved</source>
        <translation>No se guardó la configuración</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>Reiniciar</translation>
    </message>
    <message>
        <source>Portfolio Reviewer could not start again by itself. The settings are saved; close it and start it again to use the new language.</source>
        <translation>Portfolio Reviewer no pudo volver a iniciarse por sí solo. La configuración está guardada; ciérrelo y vuelva a iniciarlo para usar el nuevo idioma.</translation>
    </message>
</context>
<context>
    <name>TeamConnectDialog</name>
    <message>
        <source>Connect to team database</source>
        <translation>Conectar a la base de datos del equipo</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Servidor</translation>
    </message>
    <message>
        <source>db.example.org</source>
        <translation>db.example.org</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Puerto</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Base de datos</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>Store the password in PostgreSQL&apos;s password file</source>
        <translation>Guardar la contraseña en el archivo de contraseñas de PostgreSQL</translation>
    </message>
    <message>
        <source>Store the password</source>
        <translation>Guardar la contraseña</translation>
    </message>
    <message>
        <source>Writes it to {file}, readable by you only, where PostgreSQL&apos;s tools look too; otherwise it is asked for at each start</source>
        <translation>La escribe en {file}, que solo usted puede leer y donde también la buscan las herramientas de PostgreSQL; si no, se pide en cada inicio</translation>
    </message>
    <message>
        <source>Why the connection failed</source>
        <translation>Por qué falló la conexión</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Conectar</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Servidor:</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>P&amp;uerto:</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Base de datos:</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>&amp;Usuario:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Contraseña:</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Conectando…</translation>
    </message>
</context>
<context>
    <name>WelcomePanel</name>
    <message>
        <source>No submissions yet</source>
        <translation>Aún no hay entregas</translation>
    </message>
    <message>
        <source>Import the evidence bundles you received (zip files or folders; you can also drop them on this window), or open the demo data to see how reviewing works: fifteen submissions for three micro-credentials, with their rubrics.</source>
        <translation>Importe los paquetes de evidencias que recibió (archivos zip o carpetas; también puede soltarlos sobre esta ventana), o abra los datos de demostración para ver cómo funciona la revisión: quince entregas para tres microcredenciales, con sus rúbricas.</translation>
    </message>
    <message>
        <source>Import bundles…</source>
        <translation>Importar paquetes…</translation>
    </message>
    <message>
        <source>Import evidence bundles</source>
        <translation>Importar paquetes de evidencias</translation>
    </message>
    <message>
        <source>Opens a file picker for the zip files you received (Ctrl+I)</source>
        <translation>Abre un selector de archivos para los archivos zip que recibió (Ctrl+I)</translation>
    </message>
    <message>
        <source>Open the demo data</source>
        <translation>Abrir los datos de demostración</translation>
    </message>
    <message>
        <source>Add the demo micro-credentials and submissions</source>
        <translation>Añadir las microcredenciales y entregas de demostración</translation>
    </message>
    <message>
        <source>Fills this data folder with fifteen practice submissions and their rubrics</source>
        <translation>Llena esta carpeta de datos con quince entregas de práctica y sus rúbricas</translation>
    </message>
</context>
<context>
    <name>WriteWaitNotice</name>
    <message>
        <source>Waiting for another Portfolio Reviewer to finish writing to this data folder; your change is saved as soon as it has.</source>
        <translation>Esperando a que otro Portfolio Reviewer termine de escribir en esta carpeta de datos; su cambio se guardará en cuanto termine.</translation>
    </message>
</context>
</TS>
