<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>AdjudicationDialog</name>
    <message>
        <source>Write my own</source>
        <translation>Escribir mi propia retroalimentación</translation>
    </message>
    <message>
        <source>Adjudicate</source>
        <translation>Arbitrar</translation>
    </message>
    <message>
        <source>These submissions have the reviews they need, but the reviews disagree. Read them, then record the decision that stands. You are deciding as {lead}.</source>
        <translation>Estas entregas tienen las revisiones que necesitan, pero las revisiones no coinciden. Léalas y, después, registre la decisión definitiva. Decide usted como {lead}.</translation>
    </message>
    <message>
        <source>Submissions needing adjudication</source>
        <translation>Entregas que requieren arbitraje</translation>
    </message>
    <message>
        <source>Submission, micro-credential and why it needs a lead; Up and Down choose the one shown beside the list</source>
        <translation>Entrega, microcredencial y por qué necesita un responsable de equipo; Arriba y Abajo eligen la que se muestra junto a la lista</translation>
    </message>
    <message>
        <source>Submission</source>
        <translation>Entrega</translation>
    </message>
    <message>
        <source>Micro-credential</source>
        <translation>Microcredencial</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>No submission is waiting for a lead.</source>
        <translation>Ninguna entrega está a la espera de un responsable de equipo.</translation>
    </message>
    <message>
        <source>&amp;Waiting for a lead:</source>
        <translation>&amp;En espera de un responsable de equipo:</translation>
    </message>
    <message>
        <source>About the adjudication</source>
        <translation>Sobre el arbitraje</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Closes this window (Esc); a decision not recorded is not kept</source>
        <translation>Cierra esta ventana (Esc); una decisión no registrada no se conserva</translation>
    </message>
    <message>
        <source>Submission being adjudicated</source>
        <translation>Entrega en arbitraje</translation>
    </message>
    <message>
        <source>Why it needs a lead</source>
        <translation>Por qué necesita a un responsable de equipo</translation>
    </message>
    <message>
        <source>&amp;Open the evidence</source>
        <translation>&amp;Abrir las evidencias</translation>
    </message>
    <message>
        <source>Open the evidence in the main window</source>
        <translation>Abrir las evidencias en la ventana principal</translation>
    </message>
    <message>
        <source>Shows this submission&apos;s evidence in the main window, beside this one</source>
        <translation>Muestra las evidencias de esta entrega en la ventana principal, junto a esta</translation>
    </message>
    <message>
        <source>Levels chosen by each reviewer</source>
        <translation>Niveles elegidos por cada evaluador</translation>
    </message>
    <message>
        <source>One criterion a row, then the decisions: a column for each reviewer&apos;s level and one for agreement</source>
        <translation>Un criterio por fila y, al final, las decisiones: una columna con el nivel de cada evaluador y otra con la concordancia</translation>
    </message>
    <message>
        <source>&amp;Levels side by side:</source>
        <translation>Ni&amp;veles comparados:</translation>
    </message>
    <message>
        <source>&amp;Pass</source>
        <translation>&amp;Superado</translation>
    </message>
    <message>
        <source>Decision: Pass</source>
        <translation>Decisión: Superado</translation>
    </message>
    <message>
        <source>The submission meets the micro-credential; its credential can be exported</source>
        <translation>La entrega cumple la microcredencial; su credencial se puede exportar</translation>
    </message>
    <message>
        <source>&amp;Not Yet</source>
        <translation>Aún &amp;no</translation>
    </message>
    <message>
        <source>Decision: Not Yet</source>
        <translation>Decisión: Aún no</translation>
    </message>
    <message>
        <source>The submission does not meet it yet; the earner may submit again</source>
        <translation>La entrega aún no la cumple; el participante puede volver a entregar</translation>
    </message>
    <message>
        <source>Rationale (required)</source>
        <translation>Justificación (obligatoria)</translation>
    </message>
    <message>
        <source>Why this decision: it is kept with the decision.</source>
        <translation>Por qué esta decisión: se guarda junto con la decisión.</translation>
    </message>
    <message>
        <source>Why this decision stands; required, and kept with the decision</source>
        <translation>Por qué se mantiene esta decisión; obligatoria, y se guarda con la decisión</translation>
    </message>
    <message>
        <source>Feedback the earner receives</source>
        <translation>Retroalimentación que recibe el participante</translation>
    </message>
    <message>
        <source>Whose overall feedback the earner reads, or “{option}” to write it below</source>
        <translation>Qué retroalimentación general lee el participante, o “{option}” para escribirla abajo</translation>
    </message>
    <message>
        <source>Your feedback to the earner</source>
        <translation>Su retroalimentación para el participante</translation>
    </message>
    <message>
        <source>What the earner reads instead of a reviewer&apos;s feedback, when “{option}” is chosen</source>
        <translation>Lo que lee el participante en lugar de la retroalimentación de un evaluador, si se elige “{option}”</translation>
    </message>
    <message>
        <source>Choose “{option}” above to write it here.</source>
        <translation>Elija “{option}” arriba para escribirla aquí.</translation>
    </message>
    <message>
        <source>&amp;Record decision</source>
        <translation>&amp;Registrar la decisión</translation>
    </message>
    <message>
        <source>Record the decision</source>
        <translation>Registrar la decisión</translation>
    </message>
    <message>
        <source>Records the decision that stands, with your rationale; the submission then leaves the list</source>
        <translation>Registra la decisión que se mantiene, con su justificación; después, la entrega sale de la lista</translation>
    </message>
    <message>
        <source>Decision:</source>
        <translation>Decisión:</translation>
    </message>
    <message>
        <source>R&amp;ationale:</source>
        <translation>&amp;Justificación:</translation>
    </message>
    <message>
        <source>&amp;Feedback from:</source>
        <translation>Re&amp;troalimentación de:</translation>
    </message>
    <message>
        <source>&amp;Your words:</source>
        <translation>Sus &amp;palabras:</translation>
    </message>
    <message>
        <source>Your decision</source>
        <translation>Su decisión</translation>
    </message>
    <message>
        <source>Each review&apos;s decision, comments and overall feedback; tick the annotations the earner receives:</source>
        <translation>La decisión, los comentarios y la retroalimentación general de cada revisión; marque las anotaciones que recibe el participante:</translation>
    </message>
    <message>
        <source>Nothing selected</source>
        <translation>Nada seleccionado</translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation>Criterio</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>Concordancia</translation>
    </message>
    <message>
        <source>not scored</source>
        <translation>sin puntuar</translation>
    </message>
    <message>
        <source>Same decision</source>
        <translation>Misma decisión</translation>
    </message>
    <message>
        <source>Decisions differ</source>
        <translation>Decisiones distintas</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Decisión</translation>
    </message>
    <message>
        <source>Overall feedback:</source>
        <translation>Retroalimentación general:</translation>
    </message>
    <message>
        <source>(none written)</source>
        <translation>(no se escribió ninguna)</translation>
    </message>
    <message>
        <source>Comments:</source>
        <translation>Comentarios:</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(ninguno)</translation>
    </message>
    <message>
        <source>Review by {reviewer}</source>
        <translation>Revisión de {reviewer}</translation>
    </message>
    <message>
        <source>{reviewer}&apos;s decision, overall feedback and comments; read-only</source>
        <translation>Decisión, retroalimentación general y comentarios de {reviewer}; solo lectura</translation>
    </message>
    <message>
        <source>No annotations.</source>
        <translation>Sin anotaciones.</translation>
    </message>
    <message>
        <source>{reviewer} made no annotations</source>
        <translation>{reviewer} no hizo anotaciones</translation>
    </message>
    <message>
        <source>Annotations by {reviewer}</source>
        <translation>Anotaciones de {reviewer}</translation>
    </message>
    <message>
        <source>Space ticks the annotation selected: the earner receives those ticked, or, with none ticked, those of the review whose feedback they get</source>
        <translation>Espacio marca la anotación seleccionada: el participante recibe las marcadas o, si no hay ninguna marcada, las de la revisión cuya retroalimentación recibe</translation>
    </message>
    <message>
        <source>Tick the annotations the earner receives; with none ticked, the earner receives those of the review whose feedback they get</source>
        <translation>Marque las anotaciones que recibe el participante; si no marca ninguna, recibe las de la revisión cuya retroalimentación recibe</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>N.º</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Lugar</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Comentario</translation>
    </message>
    <message>
        <source>{reviewer}&apos;s feedback</source>
        <translation>Retroalimentación de {reviewer}</translation>
    </message>
    <message>
        <source>{reviewer}&apos;s feedback (none written)</source>
        <translation>Retroalimentación de {reviewer} (no se escribió ninguna)</translation>
    </message>
    <message>
        <source>{submission} is open in the main window.</source>
        <translation>{submission} está abierta en la ventana principal.</translation>
    </message>
    <message>
        <source>Choose Pass or Not Yet.</source>
        <translation>Elija Superado o Aún no.</translation>
    </message>
    <message>
        <source>{error} Nothing was recorded.</source>
        <translation>{error} No se registró nada.</translation>
    </message>
    <message>
        <source>Recorded for {submission}: {decision}, with your rationale; the earner receives {reviewer}&apos;s feedback.</source>
        <translation>Registrado para {submission}: {decision}, con su justificación; el participante recibe la retroalimentación de {reviewer}.</translation>
    </message>
    <message>
        <source>Recorded for {submission}: {decision}, with your rationale; the earner receives your own feedback.</source>
        <translation>Registrado para {submission}: {decision}, con su justificación; el participante recibe su propia retroalimentación.</translation>
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
        <source>The reviews were not compared; read them to decide.</source>
        <translation>Las revisiones no se compararon; léalas para decidir.</translation>
    </message>
    <message>
        <source>Same level</source>
        <translation>Mismo nivel</translation>
    </message>
    <message>
        <source>{reviewer} {decision}</source>
        <translation>{reviewer} ({decision})</translation>
    </message>
    <message>
        <source>The decisions differ: {decisions}.</source>
        <translation>Las decisiones no coinciden: {decisions}.</translation>
    </message>
    <message>
        <source>{reviewer} {level}</source>
        <translation>{reviewer}: {level}</translation>
    </message>
    <message>
        <source>{criterion}: levels more than one step apart ({levels}).</source>
        <translation>{criterion}: niveles separados por más de un paso ({levels}).</translation>
    </message>
    <message>
        <source>No micro-credential</source>
        <translation>Sin microcredencial</translation>
    </message>
    <message>
        <source>Not scored by {names}</source>
        <translation>Sin puntuar por {names}</translation>
    </message>
    <message>
        <source>Differs (scored on different rubric versions)</source>
        <translation>Difiere (puntuado con versiones distintas de la rúbrica)</translation>
    </message>
    <message>
        <source>Differs by one step</source>
        <translation>Difiere en un paso</translation>
    </message>
    <message>
        <source>Differs: {steps} steps apart</source>
        <translation>Difiere: {steps} pasos de separación</translation>
    </message>
    <message>
        <source>No decision</source>
        <translation>Sin decisión</translation>
    </message>
    <message>
        <source>General</source>
        <translation>General</translation>
    </message>
    <message>
        <source>{item}, page {page}</source>
        <translation>{item}, página {page}</translation>
    </message>
</context>
<context>
    <name>CalibrationDashboard</name>
    <message>
        <source>Krippendorff&apos;s alpha (ordinal)</source>
        <translation>Alfa de Krippendorff (ordinal)</translation>
    </message>
    <message>
        <source>Exact agreement</source>
        <translation>Concordancia exacta</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>Concordancia</translation>
    </message>
    <message>
        <source>{criterion}: alpha {alpha}, exact agreement {exact}</source>
        <translation>{criterion}: alfa {alpha}, concordancia exacta {exact}</translation>
    </message>
    <message>
        <source>{words} (criterion id: {id})</source>
        <translation>{words} (identificador del criterio: {id})</translation>
    </message>
    <message>
        <source>Agreement per criterion across reviewers. {details}</source>
        <translation>Concordancia por criterio entre evaluadores. {details}</translation>
    </message>
    <message>
        <source>No criteria yet.</source>
        <translation>Todavía no hay criterios.</translation>
    </message>
    <message>
        <source>Exact agreement with anchors</source>
        <translation>Concordancia exacta con las referencias</translation>
    </message>
    <message>
        <source>Threshold {percent} ({levels} levels)</source>
        <translation>Umbral {percent} ({levels} niveles)</translation>
    </message>
    <message>
        <source>{reviewer}: {exact}</source>
        <translation>{reviewer}: {exact}</translation>
    </message>
    <message>
        <source>{reviewer}: {exact} (below threshold)</source>
        <translation>{reviewer}: {exact} (por debajo del umbral)</translation>
    </message>
    <message>
        <source>{words}; threshold {threshold}</source>
        <translation>{words}; umbral {threshold}</translation>
    </message>
    <message>
        <source>Exact agreement with the anchors per reviewer, threshold {threshold}. {details}</source>
        <translation>Concordancia exacta con los portafolios de referencia por evaluador, umbral {threshold}. {details}</translation>
    </message>
    <message>
        <source>No reviewers yet.</source>
        <translation>Todavía no hay evaluadores.</translation>
    </message>
    <message>
        <source>Severity against anchors</source>
        <translation>Severidad frente a los portafolios de referencia</translation>
    </message>
    <message>
        <source>Steps (negative = harsher)</source>
        <translation>Pasos (negativo = más severo)</translation>
    </message>
    <message>
        <source>Severity per reviewer, the mean steps from the anchors&apos; reference levels; negative is harsher. {details}</source>
        <translation>Severidad por evaluador: la media de pasos respecto a los niveles de referencia de los portafolios de referencia; negativo es más severo. {details}</translation>
    </message>
    <message>
        <source>{reviewer}: {severity}</source>
        <translation>{reviewer}: {severity}</translation>
    </message>
    <message>
        <source>{reviewer}: {severity} (harsher)</source>
        <translation>{reviewer}: {severity} (más severo)</translation>
    </message>
    <message>
        <source>{reviewer}: {severity} (more lenient)</source>
        <translation>{reviewer}: {severity} (más indulgente)</translation>
    </message>
    <message>
        <source>Drift over time: {reviewer}</source>
        <translation>Deriva en el tiempo: {reviewer}</translation>
    </message>
    <message>
        <source>Drift over time</source>
        <translation>Deriva en el tiempo</translation>
    </message>
    <message>
        <source>No drift to show for {reviewer}: it needs two or more anchor scores.</source>
        <translation>No hay deriva que mostrar para {reviewer}: hacen falta dos o más puntuaciones en portafolios de referencia.</translation>
    </message>
    <message>
        <source>No reviewer chosen.</source>
        <translation>No se ha elegido ningún evaluador.</translation>
    </message>
    <message>
        <source>Weekly severity (negative = harsher)</source>
        <translation>Severidad semanal (negativo = más severo)</translation>
    </message>
    <message>
        <source>week of {date}: {severity} over {scores} scores</source>
        <translation>semana del {date}: {severity} en {scores} puntuaciones</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Semana</translation>
    </message>
    <message>
        <source>Weekly severity of {reviewer} against the anchors; {weeks}. Trend {slope} steps per 30 days.</source>
        <translation>Severidad semanal de {reviewer} frente a los portafolios de referencia; {weeks}. Tendencia: {slope} pasos cada 30 días.</translation>
    </message>
    <message>
        <source>Weekly severity of {reviewer} against the anchors; {weeks}.</source>
        <translation>Severidad semanal de {reviewer} frente a los portafolios de referencia; {weeks}.</translation>
    </message>
    <message>
        <source>agrees</source>
        <translation>coincide</translation>
    </message>
    <message>
        <source>{steps} step (harsher)</source>
        <translation>{steps} paso (más severo)</translation>
    </message>
    <message>
        <source>{steps} steps (harsher)</source>
        <translation>{steps} pasos (más severo)</translation>
    </message>
    <message>
        <source>{steps} step (more lenient)</source>
        <translation>{steps} paso (más indulgente)</translation>
    </message>
    <message>
        <source>{steps} steps (more lenient)</source>
        <translation>{steps} pasos (más indulgente)</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>Evaluador</translation>
    </message>
    <message>
        <source>Qualified</source>
        <translation>Apto</translation>
    </message>
    <message>
        <source>Anchor scores (N)</source>
        <translation>Puntuaciones en portafolios de referencia (N)</translation>
    </message>
    <message>
        <source>Adjacent agreement</source>
        <translation>Concordancia adyacente</translation>
    </message>
    <message>
        <source>Weighted kappa</source>
        <translation>Kappa ponderado</translation>
    </message>
    <message>
        <source>Severity (negative = harsher)</source>
        <translation>Severidad (negativo = más severo)</translation>
    </message>
    <message>
        <source>Contradicted decisions</source>
        <translation>Decisiones contradichas</translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation>Criterio</translation>
    </message>
    <message>
        <source>Levels</source>
        <translation>Niveles</translation>
    </message>
    <message>
        <source>Units (N)</source>
        <translation>Unidades (N)</translation>
    </message>
    <message>
        <source>Fleiss&apos; kappa</source>
        <translation>Kappa de Fleiss</translation>
    </message>
    <message>
        <source>Base rate</source>
        <translation>Tasa base</translation>
    </message>
    <message>
        <source>Calibration dashboard</source>
        <translation>Panel de calibración</translation>
    </message>
    <message>
        <source>Micro-credential to report on</source>
        <translation>Microcredencial del informe</translation>
    </message>
    <message>
        <source>Choosing another computes the report for it</source>
        <translation>Al elegir otra, se calcula el informe para ella</translation>
    </message>
    <message>
        <source>&amp;Micro-credential:</source>
        <translation>&amp;Microcredencial:</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualizar</translation>
    </message>
    <message>
        <source>Compute the report again</source>
        <translation>Volver a calcular el informe</translation>
    </message>
    <message>
        <source>Computes the report again, with any reviews recorded since</source>
        <translation>Vuelve a calcular el informe, con las revisiones registradas desde entonces</translation>
    </message>
    <message>
        <source>Computing the report</source>
        <translation>Calculando el informe</translation>
    </message>
    <message>
        <source>Computing the calibration report…</source>
        <translation>Calculando el informe de calibración…</translation>
    </message>
    <message>
        <source>Export &amp;PDF…</source>
        <translation>Exportar &amp;PDF…</translation>
    </message>
    <message>
        <source>Export the report as PDF</source>
        <translation>Exportar el informe como PDF</translation>
    </message>
    <message>
        <source>Saves the report with its charts as a PDF file; asks where</source>
        <translation>Guarda el informe con sus gráficos como archivo PDF; pregunta dónde</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>Exportar &amp;CSV…</translation>
    </message>
    <message>
        <source>Export the report as CSV</source>
        <translation>Exportar el informe como CSV</translation>
    </message>
    <message>
        <source>Saves the report&apos;s figures as a CSV file for a spreadsheet; asks where</source>
        <translation>Guarda las cifras del informe como archivo CSV para una hoja de cálculo; pregunta dónde</translation>
    </message>
    <message>
        <source>Calibration message</source>
        <translation>Mensaje de calibración</translation>
    </message>
    <message>
        <source>Overall agreement</source>
        <translation>Concordancia general</translation>
    </message>
    <message>
        <source>Agreement per criterion</source>
        <translation>Concordancia por criterio</translation>
    </message>
    <message>
        <source>Chart: agreement per criterion</source>
        <translation>Gráfico: concordancia por criterio</translation>
    </message>
    <message>
        <source>Agreement with anchors per reviewer</source>
        <translation>Concordancia con los portafolios de referencia por evaluador</translation>
    </message>
    <message>
        <source>Chart: agreement with anchors per reviewer</source>
        <translation>Gráfico: concordancia con los portafolios de referencia por evaluador</translation>
    </message>
    <message>
        <source>Severity per reviewer</source>
        <translation>Severidad por evaluador</translation>
    </message>
    <message>
        <source>Chart: severity per reviewer</source>
        <translation>Gráfico: severidad por evaluador</translation>
    </message>
    <message>
        <source>Chart: drift over time</source>
        <translation>Gráfico: deriva en el tiempo</translation>
    </message>
    <message>
        <source>Reviewer whose drift is shown</source>
        <translation>Evaluador cuya deriva se muestra</translation>
    </message>
    <message>
        <source>The chart below shows this reviewer&apos;s severity against the anchors, week by week</source>
        <translation>El gráfico de abajo muestra, semana a semana, la severidad de este evaluador respecto a los portafolios de referencia</translation>
    </message>
    <message>
        <source>&amp;Drift of:</source>
        <translation>&amp;Deriva de:</translation>
    </message>
    <message>
        <source>Criterion id: {id}</source>
        <translation>Identificador del criterio: {id}</translation>
    </message>
    <message>
        <source>Reviewers against anchors</source>
        <translation>Evaluadores frente a los portafolios de referencia</translation>
    </message>
    <message>
        <source>One reviewer a row; Enter lists the submissions behind the row</source>
        <translation>Un evaluador por fila; Intro muestra las entregas en las que se basa la fila</translation>
    </message>
    <message>
        <source>Criteria across reviewers</source>
        <translation>Criterios entre evaluadores</translation>
    </message>
    <message>
        <source>One criterion a row; Enter lists the submissions behind the row</source>
        <translation>Un criterio por fila; Intro muestra las entregas en las que se basa la fila</translation>
    </message>
    <message>
        <source>Re&amp;viewers</source>
        <translation>E&amp;valuadores</translation>
    </message>
    <message>
        <source>C&amp;riteria</source>
        <translation>C&amp;riterios</translation>
    </message>
    <message>
        <source>Double-click a row (or press Enter) to list the submissions behind it.</source>
        <translation>Haga doble clic en una fila (o pulse Intro) para ver las entregas en las que se basa.</translation>
    </message>
    <message>
        <source>Double-click a reviewer or a criterion on the left to list here the submissions behind its figures.</source>
        <translation>Haga doble clic en un revisor o en un criterio de la izquierda para ver aquí las entregas en las que se basan sus cifras.</translation>
    </message>
    <message>
        <source>What the list shows</source>
        <translation>Qué muestra la lista</translation>
    </message>
    <message>
        <source>Submissions behind the chosen row</source>
        <translation>Entregas en las que se basa la fila elegida</translation>
    </message>
    <message>
        <source>One submission a row; Enter opens it in the main window</source>
        <translation>Una entrega por fila; Intro la abre en la ventana principal</translation>
    </message>
    <message>
        <source>Double-click a submission to open it in the main window.</source>
        <translation>Haga doble clic en una entrega para abrirla en la ventana principal.</translation>
    </message>
    <message>
        <source>All micro-credentials</source>
        <translation>Todas las microcredenciales</translation>
    </message>
    <message>
        <source>Overall: {summary}</source>
        <translation>En conjunto: {summary}</translation>
    </message>
    <message>
        <source>Anchors {reviewer} scored: their level against the reference, per criterion.</source>
        <translation>Portafolios de referencia que puntuó {reviewer}: su nivel frente al de referencia, por criterio.</translation>
    </message>
    <message>
        <source>Submission</source>
        <translation>Entrega</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Nivel</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Referencia</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Diferencia</translation>
    </message>
    <message>
        <source>Submissions two or more reviewers scored on {criterion}, and their levels.</source>
        <translation>Entregas que dos o más evaluadores puntuaron en {criterion}, y sus niveles.</translation>
    </message>
    <message>
        <source>{title} None yet.</source>
        <translation>{title} Por ahora, la lista está vacía.</translation>
    </message>
    <message>
        <source>Export the calibration report</source>
        <translation>Exportar el informe de calibración</translation>
    </message>
    <message>
        <source>Could not write {path}: {reason}</source>
        <translation>No se pudo escribir {path}: {reason}</translation>
    </message>
    <message>
        <source>Saved the report to {path}.</source>
        <translation>Se guardó el informe en {path}.</translation>
    </message>
    <message>
        <source>{level} (step {step})</source>
        <translation>{level} (paso {step})</translation>
    </message>
    <message>
        <source>meets every rule</source>
        <translation>cumple todas las reglas</translation>
    </message>
    <message>
        <source>has scored no anchors</source>
        <translation>no ha puntuado ningún portafolio de referencia</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>n/d</translation>
    </message>
    <message>
        <source>{percent}%</source>
        <translation>{percent}&#xa0;%</translation>
    </message>
    <message>
        <source>95% CI {low} to {high}</source>
        <translation>IC 95&#xa0;% de {low} a {high}</translation>
    </message>
    <message>
        <source>{value} ({interval}; N = {units})</source>
        <translation>{value} ({interval}; N = {units})</translation>
    </message>
    <message>
        <source>{value} (N = {units})</source>
        <translation>{value} (N = {units})</translation>
    </message>
    <message>
        <source>below threshold: {reason}</source>
        <translation>por debajo del umbral: {reason}</translation>
    </message>
    <message>
        <source>exact agreement {value} is below {needed}</source>
        <translation>concordancia exacta de {value}, por debajo de {needed}</translation>
    </message>
    <message>
        <source>weighted kappa {value} is below {needed}</source>
        <translation>kappa ponderado de {value}, por debajo de {needed}</translation>
    </message>
    <message>
        <source>1 pass/fail decision contradicts the reference</source>
        <translation>1 decisión de superado/aún no contradice la de referencia</translation>
    </message>
    <message>
        <source>{count} pass/fail decisions contradict the reference</source>
        <translation>{count} decisiones de superado/aún no contradicen la de referencia</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>no se indica el motivo</translation>
    </message>
    <message>
        <source>not qualified: {reasons}</source>
        <translation>no apto: {reasons}</translation>
    </message>
    <message>
        <source>below threshold (alpha under {minimum})</source>
        <translation>por debajo del umbral (alfa inferior a {minimum})</translation>
    </message>
    <message>
        <source>tentative (alpha under {reliable})</source>
        <translation>provisional (alfa inferior a {reliable})</translation>
    </message>
    <message>
        <source>{value} is under {needed}</source>
        <translation>{value}, inferior a {needed}</translation>
    </message>
    <message>
        <source>Nothing to compare yet. The calibration report needs anchors: submissions a lead has marked as the reference, scored by other reviewers, and double-marked submissions: each submitted by two or more reviewers.</source>
        <translation>Todavía no hay nada que comparar. El informe de calibración necesita portafolios de referencia (entregas que un responsable de equipo ha marcado como referencia y que otros evaluadores han puntuado) y entregas con doble corrección (cada una revisada por dos o más evaluadores).</translation>
    </message>
    <message>
        <source>Nothing to compare yet. The calibration report needs anchors: submissions a lead has marked as the reference, scored by other reviewers.</source>
        <translation>Todavía no hay nada que comparar. El informe de calibración necesita portafolios de referencia: entregas que un responsable de equipo ha marcado como referencia y que otros evaluadores han puntuado.</translation>
    </message>
    <message>
        <source>Nothing to compare yet. The calibration report needs double-marked submissions: each submitted by two or more reviewers.</source>
        <translation>Todavía no hay nada que comparar. El informe de calibración necesita entregas con doble corrección: cada una revisada por dos o más evaluadores.</translation>
    </message>
    <message>
        <source>{reviewers} reviewers, {submissions} submissions.</source>
        <translation>{reviewers} evaluadores, {submissions} entregas.</translation>
    </message>
    <message>
        <source>Krippendorff&apos;s alpha (ordinal), every criterion of every submission: {alpha}, {flag}.</source>
        <translation>Alfa de Krippendorff (ordinal), todos los criterios de todas las entregas: {alpha}, {flag}.</translation>
    </message>
    <message>
        <source>Krippendorff&apos;s alpha (ordinal), every criterion of every submission: {alpha}.</source>
        <translation>Alfa de Krippendorff (ordinal), todos los criterios de todas las entregas: {alpha}.</translation>
    </message>
    <message>
        <source>Decision agreement: {agreement} ({interval}; N = {units} submissions with two or more reviews).</source>
        <translation>Concordancia en la decisión: {agreement} ({interval}; N = {units} entregas con dos o más revisiones).</translation>
    </message>
    <message>
        <source>Decision agreement: {agreement} (N = {units} submissions with two or more reviews).</source>
        <translation>Concordancia en la decisión: {agreement} (N = {units} entregas con dos o más revisiones).</translation>
    </message>
</context>
<context>
    <name>ReportTable</name>
    <message>
        <source>qualified</source>
        <translation>apto</translation>
    </message>
</context>
</TS>
