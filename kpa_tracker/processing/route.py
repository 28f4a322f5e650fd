"""kpa_tracker:route: the shortest route over a line network, one output row per leg."""

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorLayer,
    QgsVectorLayer,
)

from ..toolbelt.compat import FIELD_DOUBLE, FIELD_INT, FIELD_STRING, WKB_LINESTRING
from ..core.curated import data as curated
from ..core.routing import network as routing
from ..core.curated.store import layer_uri, sync_layer
from ..core.routing.stops import curated_places, node_names, resolve_stop
from ..toolbelt.i18n import tr
from ..toolbelt.workspace import workspace_gpkg_path
from .base import KpaAlgorithm

NETWORK_LAYER_ID = "network"


def parse_speeds(text: str) -> dict:
    """{"rail": 60.0, ...} from "rail=60; sea=20" (commas also separate)."""
    speeds = {}
    for part in (text or "").replace(",", ";").split(";"):
        if not part.strip():
            continue
        mode, _, value = part.partition("=")
        try:
            speeds[mode.strip().lower()] = float(value)
        except ValueError:
            raise routing.RoutingError(
                tr("SPEEDS: '{}' is not mode=km/h (for example rail=50)").format(part.strip())) from None
    return speeds


def curated_network() -> QgsVectorLayer:
    """The curated network as it stands in the analyst's workspace (merged with the shipped data)."""
    catalogue, result = curated.load_cached()
    layer_def = next((layer for layer in catalogue if layer.id == NETWORK_LAYER_ID), None)
    if layer_def is None or NETWORK_LAYER_ID not in result.features:
        problems = "; ".join(str(e) for e in result.errors) or tr("not in the catalogue")
        raise QgsProcessingException(tr("The curated network could not be read: {}").format(problems))
    workspace = workspace_gpkg_path()
    sync_layer(workspace, layer_def, result.features[NETWORK_LAYER_ID])
    layer = QgsVectorLayer(layer_uri(workspace, layer_def), layer_def.title, "ogr")
    if not layer.isValid():
        raise QgsProcessingException(tr("The curated network in {} could not be opened").format(workspace))
    return layer


class RouteAlgorithm(KpaAlgorithm):
    NAME, GROUP_ID = "route", "routing"
    START, END, WAYPOINTS = "START", "END", "WAYPOINTS"
    NETWORK, LENGTH_FIELD, MODE_FIELD = "NETWORK", "LENGTH_FIELD", "MODE_FIELD"
    OPTIMIZE, SPEEDS, SNAP_TOLERANCE = "OPTIMIZE", "SPEEDS", routing.SNAP_PARAMETER
    MODES = "MODES"
    # The dwell-time parameters and the key of each in DEFAULT_DWELL_HOURS.
    DWELL = (("LOADING_HOURS", "loading"), ("UNLOADING_HOURS", "unloading"), ("RAIL_SEA_HOURS", "rail/sea"),
             ("RAIL_ROAD_HOURS", "rail/road"), ("AIR_RAIL_HOURS", "air/rail"), ("OTHER_CHANGE_HOURS", "other"))
    OUTPUT, TOTAL_KM, TOTAL_HOURS = "OUTPUT", "TOTAL_KM", "TOTAL_HOURS"
    MOVING_HOURS, DWELL_HOURS, TOTAL_DAYS = "MOVING_HOURS", "DWELL_HOURS", "TOTAL_DAYS"

    def displayName(self):  # noqa: N802
        return tr("Route over the transport network")

    def shortHelpString(self):  # noqa: N802
        # The help file names the default speeds as {rail:g}, ... and the dwell hours as {loading:g},
        # {rail_sea:g}, ...: they are filled in here.
        dwell = {key.replace("/", "_"): hours for key, hours in routing.DEFAULT_DWELL_HOURS.items()}
        return super().shortHelpString().format(snap=routing.DEFAULT_SNAP_TOLERANCE_KM,
                                                **routing.DEFAULT_SPEEDS_KMH, **dwell)

    def flags(self):
        # The graph cache lives with the layer, on the main thread.
        return super().flags() | QgsProcessingAlgorithm.Flag.FlagNoThreading

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterString(
            self.START, tr("Start (lon,lat [EPSG:4326] or a place)")))
        self.addParameter(QgsProcessingParameterString(self.END, tr("End (lon,lat [EPSG:4326] or a place)")))
        self.addParameter(QgsProcessingParameterString(
            self.WAYPOINTS, tr("Waypoints, in order, separated by ';'"), optional=True))
        self.addParameter(QgsProcessingParameterVectorLayer(
            self.NETWORK, tr("Network (default: the curated transport network)"),
            [QgsProcessing.SourceType.TypeVectorLine], optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.LENGTH_FIELD, tr("Length field, km (default: length_km if present)"),
            parentLayerParameterName=self.NETWORK, type=QgsProcessingParameterField.DataType.Numeric,
            optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.MODE_FIELD, tr("Mode field (default: mode if present)"),
            parentLayerParameterName=self.NETWORK, optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.OPTIMIZE, tr("Optimise for"), options=[tr("Distance"), tr("Time")], defaultValue=0))
        self.addParameter(QgsProcessingParameterEnum(
            self.MODES, tr("Modes to use (air is left out unless chosen)"), options=list(routing.MODES),
            allowMultiple=True,
            defaultValue=[i for i, m in enumerate(routing.MODES) if m not in routing.DEFAULT_EXCLUDED_MODES]))
        self.addParameter(QgsProcessingParameterString(
            self.SPEEDS, tr("Speeds per mode, km/h (mode=speed; ...)"), optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.SNAP_TOLERANCE, tr("Farthest a stop may be from the network (km)"),
            type=QgsProcessingParameterNumber.Type.Double, minValue=0.0,
            defaultValue=routing.DEFAULT_SNAP_TOLERANCE_KM))
        titles = {"loading": tr("Loading at the start (hours)"), "unloading": tr("Unloading at the end (hours)"),
                  "rail/sea": tr("Change rail ↔ sea, at a port (hours)"),
                  "rail/road": tr("Change rail ↔ road (hours)"),
                  "air/rail": tr("Change air ↔ rail, at an airfield (hours)"),
                  "other": tr("Any other change of mode (hours)")}
        for name, key in self.DWELL:
            self.addParameter(QgsProcessingParameterNumber(
                name, titles[key], type=QgsProcessingParameterNumber.Type.Double, minValue=0.0,
                defaultValue=routing.DEFAULT_DWELL_HOURS[key]))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, tr("Route"), QgsProcessing.SourceType.TypeVectorLine))
        self.addOutput(QgsProcessingOutputNumber(self.TOTAL_KM, tr("Total km")))
        self.addOutput(QgsProcessingOutputNumber(self.TOTAL_HOURS, tr("Total hours (moving and dwell)")))
        self.addOutput(QgsProcessingOutputNumber(self.MOVING_HOURS, tr("Moving hours")))
        self.addOutput(QgsProcessingOutputNumber(self.DWELL_HOURS, tr("Dwell hours")))
        self.addOutput(QgsProcessingOutputNumber(self.TOTAL_DAYS, tr("Total days")))

    @staticmethod
    def fields() -> QgsFields:
        fields = QgsFields()
        for name, kind in (("leg", FIELD_INT), ("from_name", FIELD_STRING),
                           ("to_name", FIELD_STRING), ("mode", FIELD_STRING),
                           ("km", FIELD_DOUBLE), ("hours", FIELD_DOUBLE),
                           ("via", FIELD_STRING), ("total_km", FIELD_DOUBLE),
                           ("total_hours", FIELD_DOUBLE), ("optimize", FIELD_STRING),
                           ("dwell_before_h", FIELD_DOUBLE), ("dwell_before", FIELD_STRING),
                           ("dwell_after_h", FIELD_DOUBLE), ("moving_hours", FIELD_DOUBLE),
                           ("dwell_hours", FIELD_DOUBLE), ("total_days", FIELD_DOUBLE)):
            fields.append(QgsField(name, kind))
        return fields

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        try:
            return self._route(parameters, context, feedback)
        except routing.RoutingError as error:
            raise QgsProcessingException(str(error))

    def _route(self, parameters, context, feedback):
        layer = self.parameterAsVectorLayer(parameters, self.NETWORK, context)
        if layer is None and parameters.get(self.NETWORK) not in (None, ""):
            raise QgsProcessingException(tr("NETWORK {!r} is not a line layer that could be opened").format(
                parameters[self.NETWORK]))
        if layer is None:
            layer = curated_network()
            # The context owns it from here and deletes it with itself (and its cached graph with it).
            context.temporaryLayerStore().addMapLayer(layer)
            feedback.pushInfo(tr("Network: the curated transport network in your workspace"))
        field_names = layer.fields().names()
        length_field = self.parameterAsString(parameters, self.LENGTH_FIELD, context) or (
            "length_km" if "length_km" in field_names else None)
        mode_field = self.parameterAsString(parameters, self.MODE_FIELD, context) or (
            "mode" if "mode" in field_names else None)
        chosen = [routing.MODES[i] for i in self.parameterAsEnums(parameters, self.MODES, context)]
        if not chosen:
            raise QgsProcessingException(tr("MODES: choose at least one of {}").format(", ".join(routing.MODES)))
        settings = routing.NetworkSettings.make(
            speeds=parse_speeds(self.parameterAsString(parameters, self.SPEEDS, context)),
            exclude=[mode for mode in routing.MODES if mode not in chosen],
            length_field=length_field, mode_field=mode_field,
            name_field="name" if "name" in field_names else None)
        dwell = routing.DwellTimes.make({key: self.parameterAsDouble(parameters, name, context)
                                         for name, key in self.DWELL})
        feedback.pushInfo(tr("Modes: {}; dwell hours: {}").format(", ".join(chosen), "; ".join(
            "{} {:g}".format(key, hours) for key, hours in sorted(
                dict(dwell.changes, loading=dwell.loading, unloading=dwell.unloading, other=dwell.other).items()))))
        places = curated_places()
        texts = [self.parameterAsString(parameters, self.START, context)]
        waypoints = self.parameterAsString(parameters, self.WAYPOINTS, context)
        texts += [text for text in waypoints.split(";") if text.strip()]
        texts.append(self.parameterAsString(parameters, self.END, context))
        roles = routing.roles_for(len(texts))
        stops = []
        for text, role in zip(texts, roles):
            stop, how = resolve_stop(text, places, role, context.transformContext())
            feedback.pushInfo(how)
            stops.append(stop)
        optimize = routing.OPTIMIZE[self.parameterAsEnum(parameters, self.OPTIMIZE, context)]
        result = routing.find_route(
            layer, stops, optimize, settings,
            self.parameterAsDouble(parameters, self.SNAP_TOLERANCE, context), node_names(places), dwell)
        for snapped in result.snaps:
            if snapped.offset_km > 0.05:
                feedback.pushInfo(tr("{} joins the network {:.1f} km away, at {}").format(
                    snapped.stop.label, snapped.offset_km, routing.point_label(snapped.lon, snapped.lat)))
        sink, dest_id = self.parameterAsSink(
            parameters, self.OUTPUT, context, self.fields(), WKB_LINESTRING,
            QgsCoordinateReferenceSystem("EPSG:4326"))
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        for number, leg in enumerate(result.legs, start=1):
            feature = QgsFeature(self.fields())
            last = number == len(result.legs)
            feature.setAttributes([number, leg.from_name, leg.to_name, leg.mode, leg.km, leg.hours, leg.via,
                                   result.total_km, result.total_hours, optimize, leg.dwell_hours,
                                   leg.dwell_what, result.unloading_hours if last else 0.0, result.moving_hours,
                                   result.dwell_hours, result.days])
            feature.setGeometry(leg.geometry())
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
            if leg.dwell_hours:
                feedback.pushInfo(tr("Dwell at {}: {:,.1f} h ({})").format(leg.from_name, leg.dwell_hours,
                                                                           leg.dwell_what))
            feedback.pushInfo(tr("Leg {}: {} {} → {}, {:,.0f} km, {:,.1f} h").format(
                number, leg.mode, leg.from_name, leg.to_name, leg.km, leg.hours))
        if result.unloading_hours:
            feedback.pushInfo(tr("Dwell at {}: {:,.1f} h (unloading)").format(result.legs[-1].to_name,
                                                                             result.unloading_hours))
        feedback.pushInfo(tr(
            "Route: {:,.0f} km; {:,.1f} h moving + {:,.1f} h dwell = {:,.1f} h (about {:.1f} days); "
            "straight line {:,.0f} km").format(result.total_km, result.moving_hours, result.dwell_hours,
                                               result.total_hours, result.days, result.straight_km))
        return {self.OUTPUT: dest_id, self.TOTAL_KM: result.total_km, self.TOTAL_HOURS: result.total_hours,
                self.MOVING_HOURS: result.moving_hours, self.DWELL_HOURS: result.dwell_hours,
                self.TOTAL_DAYS: result.days}
